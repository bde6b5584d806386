// How Waldur reaches an offering's (or a Rancher service's) Keycloak. Any failure - missing
// settings, an unreachable server, an injected outage - surfaces as KeycloakUnavailable, which the
// handlers turn into Waldur's generic error bodies (the cause is never returned).
import type { Faults } from '../faults.ts';
import type { Store } from '../model/store.ts';
import type { Offering, ServiceSettings } from '../model/types.ts';
import type { Realm } from './realm.ts';

export class KeycloakUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const REQUIRED_SECRET_KEYS = ['keycloak_url', 'keycloak_realm', 'keycloak_username', 'keycloak_password'];

export function isKeycloakEnabled(offering: Offering): boolean {
  return Boolean(offering.pluginOptions.keycloak_enabled);
}

export function isKeycloakConfigured(offering: Offering): boolean {
  return REQUIRED_SECRET_KEYS.every((k) => k in offering.secretOptions);
}

/** `utils.get_keycloak_client_for_offering(offering)` + a first call that must succeed. */
export function offeringRealm(store: Store, faults: Faults, offering: Offering): Realm {
  if (!isKeycloakConfigured(offering)) {
    throw new KeycloakUnavailable('Keycloak integration is not fully configured for this offering.');
  }
  const realm = store.realmOf(offering);
  if (!realm || offering.unreachable || faults.isKeycloakDown(offering.uuid)) {
    throw new KeycloakUnavailable("Can't connect to server");
  }
  // Stopgap until servers are addressed by URL and realm: the saved realm (read on every call,
  // so update_integration applies at once) must be the one behind the offering.
  if (offering.secretOptions.keycloak_realm !== realm.name) throw new KeycloakUnavailable('Realm not found');
  return realm;
}

export function settingsRealm(store: Store, faults: Faults, settings: ServiceSettings): Realm {
  const realm = store.realms.get(settings.realmKey);
  if (!realm || faults.isKeycloakDown(settings.uuid)) throw new KeycloakUnavailable("Can't connect to server");
  return realm;
}
