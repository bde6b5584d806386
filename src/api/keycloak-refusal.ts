import { msg } from '@lingui/core/macro';
import { ApiError } from './errors';

/**
 * Waldur's 400 for a Keycloak action that failed (not a 5xx, network failure, 401, 403 or 404).
 * Waldur answers it both when Keycloak cannot be reached with the offering's settings and when
 * Keycloak has no such group (spec section 3), so it says only that Keycloak did not answer.
 */
export function isRefusedByKeycloak(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'http' && error.status === 400;
}

/** What to check when Waldur cannot reach the offering's Keycloak (a descriptor: render it with `i18n._`). */
export const KEYCLOAK_SETTINGS_HINT = msg`Check the Keycloak URL, realm and admin username and password in the offering’s integration settings, then use Test connection.`;
