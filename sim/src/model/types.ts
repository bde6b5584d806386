import type { Micros } from '../util/time.ts';

export type JsonObject = { [key: string]: unknown };

export interface Customer {
  uuid: string;
  name: string;
  slug: string;
  created: Micros;
}

export interface Account {
  uuid: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  isStaff: boolean;
  isSupport: boolean;
  /** Token lifetime in seconds; null never expires. */
  tokenLifetime: number | null;
  /** Customers where the account holds CUSTOMER.OWNER (has "manage resource users"). */
  ownerOf: string[];
  created: Micros;
}

export interface Token {
  key: string;
  accountUuid: string;
  /** Issue order, used by the `expireTokens` fault. */
  seq: number;
  /** Wall-clock ms of the last authenticated use (tokens slide). */
  lastUsed: number;
}

export interface Offering {
  uuid: string;
  name: string;
  slug: string;
  description: string;
  customerUuid: string;
  type: string;
  state: 'Draft' | 'Active' | 'Paused' | 'Archived' | 'Unavailable';
  pluginOptions: JsonObject;
  secretOptions: JsonObject;
  created: Micros;
  /** Key of the Keycloak realm behind the offering, if its settings point at one. */
  realmKey: string | null;
  /** Seed only: no server answers at the offering's keycloak_url (the realm data exists, unserved). */
  unreachable: boolean;
}

export interface OfferingRole {
  uuid: string;
  name: string;
  offeringUuid: string;
  scopeType: string;
  scopeTypeLabel: string;
  created: Micros;
}

export interface KeycloakScope {
  scope_type: string;
  scope_id: string;
  label: string;
}

export interface Resource {
  uuid: string;
  name: string;
  slug: string;
  offeringUuid: string;
  projectUuid: string;
  projectName: string;
  customerUuid: string;
  backendId: string;
  state: 'Creating' | 'OK' | 'Erred' | 'Updating' | 'Terminating' | 'Terminated';
  options: JsonObject;
  created: Micros;
  modified: Micros;
}

export interface OfferingGroup {
  uuid: string;
  name: string;
  /** Indexed: changes through `store.groups.update` (as do resourceUuid and scopeId). */
  readonly backendId: string;
  offeringUuid: string;
  roleUuid: string;
  readonly resourceUuid: string | null;
  readonly scopeId: string;
  created: Micros;
  modified: Micros;
}

export type MembershipState = 'pending' | 'active';

export interface OfferingMembership {
  uuid: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  groupUuid: string;
  /** Offering of the group, denormalised for the offering index. */
  offeringUuid: string;
  accountUuid: string | null;
  state: MembershipState;
  created: Micros;
  modified: Micros;
  lastChecked: Micros;
  errorMessage: string;
  errorTraceback: string;
}

export interface ServiceSettings {
  uuid: string;
  name: string;
  customerUuid: string;
  realmKey: string;
  backendUrl: string;
}

export interface RancherCluster {
  uuid: string;
  name: string;
  description: string;
  settingsUuid: string;
  customerUuid: string;
  projectUuid: string;
  projectName: string;
  backendId: string;
  created: Micros;
  modified: Micros;
}

export interface RancherProject {
  uuid: string;
  name: string;
  description: string;
  clusterUuid: string;
  backendId: string;
  created: Micros;
  modified: Micros;
}

export interface RoleTemplate {
  uuid: string;
  name: string;
  displayName: string;
  scopeType: 'cluster' | 'project';
  settingsUuid: string;
}

export interface RancherGroup {
  uuid: string;
  name: string;
  backendId: string;
  roleUuid: string;
  scopeUuid: string;
  created: Micros;
  modified: Micros;
}

export interface RancherMembership {
  uuid: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  groupUuid: string;
  state: MembershipState;
  created: Micros;
  modified: Micros;
  lastChecked: Micros;
  errorMessage: string;
  errorTraceback: string;
}
