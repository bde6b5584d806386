/**
 * Whether an offering has the Keycloak integration on. On its own, without the API client, so
 * that the boot script (boot/boot.ts) asks the same question as the app.
 */
export function isKeycloakEnabled(offering: { plugin_options?: { keycloak_enabled?: unknown } | null }): boolean {
  return offering.plugin_options?.keycloak_enabled === true;
}
