import { t } from '@lingui/core/macro';
/**
 * Whether an offering asks its site agent for per-grant sync states (Waldur 8.1.0+:
 * `plugin_options.enable_membership_sync_status`, waldur-access-8.1.md section 5). Read loosely:
 * the offering may come from the 8.0.5-typed shared query, whose schema has no such option.
 */
export function reportsSyncStatus(offering: { plugin_options?: unknown } | undefined): boolean {
  const options = offering?.plugin_options;
  return Boolean(options && typeof options === 'object' && (options as Record<string, unknown>).enable_membership_sync_status === true);
}

/** The service profile that manages an offering's roles (Waldur 8.0.8+), or null. */
export function roleProfileName(offering: object | undefined): string | null {
  const profile = offering as { profile_uuid?: unknown; profile_name?: unknown } | undefined;
  if (!profile?.profile_uuid) return null;
  return typeof profile.profile_name === 'string' && profile.profile_name ? profile.profile_name : t`a service profile`;
}
