// How Waldur reaches an offering's (or a Rancher service's) Keycloak. An offering's Keycloak is
// resolved from its `secret_options` on every call, as Waldur's
// `utils.get_keycloak_client_for_offering` does: the server by `keycloak_url`, a sign-in with
// `keycloak_username` / `keycloak_password` in `keycloak_user_realm` (default master), then
// calls on `keycloak_realm`. Any failure - missing settings, an unknown URL (an unreachable
// server), wrong credentials, an unknown realm, an injected outage - is a Keycloak error that the
// handlers turn into Waldur's generic error bodies (the cause is never returned).
import type { Faults } from '../faults.ts';
import type { Store } from '../model/store.ts';
import type { JsonObject, Offering, ServiceSettings } from '../model/types.ts';
import type { KeycloakServer, RealmAdmin } from './admin-api.ts';
import { InMemoryRealmAdmin } from './in-memory.ts';
import { isKeycloakError, KeycloakConnectionError, normalizeServerUrl } from './admin-api.ts';
import type { Realm } from './realm.ts';
import { WaldurKeycloakClient } from './waldur-client.ts';

export class KeycloakUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Where Keycloak servers are found by URL: the store's in-memory servers, or a real one. */
export interface KeycloakDirectory {
  server(url: string): KeycloakServer | undefined;
  /** The admin API of a seeded realm, for the control API (the real realm in real mode). */
  realmAdmin(realm: Realm): Promise<RealmAdmin>;
}

export function inMemoryDirectory(store: () => Store): KeycloakDirectory {
  return {
    server: (url) => store().keycloakServers.get(normalizeServerUrl(url)),
    realmAdmin: (realm) => Promise.resolve(new InMemoryRealmAdmin(realm)),
  };
}

const REQUIRED_SECRET_KEYS = ['keycloak_url', 'keycloak_realm', 'keycloak_username', 'keycloak_password'];

export function isKeycloakEnabled(offering: Offering): boolean {
  return Boolean(offering.pluginOptions.keycloak_enabled);
}

export function isKeycloakConfigured(offering: Offering): boolean {
  return REQUIRED_SECRET_KEYS.every((k) => k in offering.secretOptions);
}

function text(secret: JsonObject, key: string): string {
  const v = secret[key];
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/**
 * `utils.get_keycloak_client_for_offering(offering)`, signed in: resolved from the offering's
 * current `secret_options` each time it is called, so changed settings apply at once. Throws
 * KeycloakUnavailable for missing settings and a Keycloak error (isKeycloakError) otherwise.
 */
export async function offeringKeycloak(directory: KeycloakDirectory, faults: Faults, offering: Offering): Promise<WaldurKeycloakClient> {
  if (!isKeycloakConfigured(offering)) {
    throw new KeycloakUnavailable('Keycloak integration is not fully configured for this offering.');
  }
  const secret = offering.secretOptions;
  if (faults.isKeycloakDown(offering.uuid)) throw new KeycloakConnectionError("Can't connect to server");
  const server = directory.server(text(secret, 'keycloak_url'));
  if (!server) throw new KeycloakConnectionError("Can't connect to server");
  const userRealm = text(secret, 'keycloak_user_realm') || 'master';
  const admin = await server.connect(
    text(secret, 'keycloak_realm'),
    userRealm,
    text(secret, 'keycloak_username'),
    text(secret, 'keycloak_password'),
  );
  return new WaldurKeycloakClient(admin);
}

/**
 * Runs `fn` with the offering's Keycloak client; `undefined` when Keycloak could not be reached
 * or answered with an error (the callers pick Waldur's message). Other errors are simulator bugs.
 */
export async function withOfferingKeycloak<T>(
  directory: KeycloakDirectory,
  faults: Faults,
  offering: Offering,
  fn: (keycloak: WaldurKeycloakClient) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    const keycloak = await offeringKeycloak(directory, faults, offering);
    return { ok: true, value: await fn(keycloak) };
  } catch (error) {
    if (error instanceof KeycloakUnavailable || isKeycloakError(error)) return { ok: false, error };
    throw error;
  }
}

export function settingsRealm(store: Store, faults: Faults, settings: ServiceSettings): Realm {
  const realm = store.realms.get(settings.realmKey);
  if (!realm || faults.isKeycloakDown(settings.uuid)) throw new KeycloakUnavailable("Can't connect to server");
  return realm;
}
