import { isolate } from '../../lib/bidi';

/** What to check when Waldur cannot reach the offering's Keycloak. */
export const KEYCLOAK_SETTINGS_HINT =
  'Check the Keycloak URL, realm and admin username and password in the offering’s integration settings, then use Test connection.';

export const NOT_LINKED_REASON = 'Not linked to a Keycloak group: link it first.';

/** A group someone else deleted meanwhile (404). */
export function goneMessage(name: string): string {
  return `The group “${isolate(name)}” no longer exists: someone else may have deleted it. The list has been refreshed.`;
}
