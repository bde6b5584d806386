// Waldur 8.1 state (waldur-access-8.1.md): offering roles, resource projects, role grants on
// resources and resource projects, the consumer-side roles that decide who may manage them, the
// membership sync rows a site agent reports, and the simulated agent's own state. Offerings,
// resources, customers and accounts stay in the shared Store.
import { Table } from './table.ts';
import type { Micros } from '../util/time.ts';

export type ContentType = 'resource' | 'resource_project';
export type SyncState = 'synced' | 'pending' | 'missing_in_idp' | 'error';
export const SYNC_STATES: readonly SyncState[] = ['synced', 'pending', 'missing_in_idp', 'error'];

/** An offering role (`Role` + `RoleAvailability` bound to one offering). */
export interface Role81 {
  uuid: string;
  name: string;
  description: string;
  contentType: ContentType | null;
  /** The offering the role is available on (null: bound to none; staff only may change it). */
  offeringUuid: string | null;
  isActive: boolean;
  permissions: string[];
  created: Micros;
}

/** A consumer project (the resource's project). */
export interface Project81 {
  uuid: string;
  name: string;
  slug: string;
  customerUuid: string;
}

export interface ResourceProject81 {
  uuid: string;
  resourceUuid: string;
  name: string;
  description: string;
  backendId: string;
  /** Display label, as Waldur sends it: Creating, OK, Updating, Erred, ... */
  state: string;
  errorMessage: string;
  createdByUsername: string;
  created: Micros;
  modified: Micros;
  isRemoved: boolean;
}

/** A `UserRole` on a resource or resource project. Revocation is soft (`isActive` false). */
export interface Grant81 {
  uuid: string;
  userUuid: string;
  roleUuid: string;
  scopeType: ContentType;
  scopeUuid: string;
  /** The resource of the scope (the scope itself, or the resource project's resource). */
  resourceUuid: string;
  expirationTime: Micros | null;
  isActive: boolean;
  created: Micros;
  createdByUuid: string | null;
  source: string;
  revokedAt: Micros | null;
}

/** `ResourceMemberSyncStatus`: one reported grant, joined by (user, scope type, RP, role name). */
export interface SyncRow {
  userUuid: string;
  scopeType: ContentType;
  rpUuid: string | null;
  roleName: string;
  state: SyncState;
  message: string;
  modified: Micros;
}

export function syncKey(userUuid: string, scopeType: ContentType, rpUuid: string | null, roleName: string): string {
  return `${userUuid}|${scopeType}|${rpUuid ?? ''}|${roleName}`;
}

/** Project roles (consumer side); customer owners are `Account.ownerOf`, provider and consumer alike. */
export type ProjectRole = 'admin' | 'manager' | 'member';

/** The simulated site agent of an offering (rancher-kc-crd with its role maps). */
export interface AgentConfig {
  /** Key of the realm (in Store.realms) the operator writes groups to. */
  realmKey: string;
  /** Resource-project roles the agent maps (role name -> Rancher role template id). */
  roleMap: Record<string, string>;
  /** Resource roles the agent maps (`cluster_role_map`). */
  clusterRoleMap: Record<string, string>;
}

/** A `ManagedRancherProject` CR (one per RP) or the cluster-level bindings of a resource. */
export interface AgentCr {
  /** Desired groups: name -> usernames. */
  groups: Map<string, Set<string>>;
  /** Fingerprint of `groups` as last written by the agent. */
  spec: string;
  /** Fingerprint the operator last reconciled (equal to `spec` when Ready). */
  applied: string | null;
  phase: 'Pending' | 'Ready' | 'Error';
  /** Usernames the operator found in Keycloak, per group. */
  syncedMembers: Map<string, Set<string>>;
}

export class AccessState {
  readonly roles = new Table<Role81>({ offering: (r) => r.offeringUuid });
  readonly projects = new Table<Project81>({ customer: (p) => p.customerUuid });
  readonly resourceProjects = new Table<ResourceProject81>({ resource: (rp) => rp.resourceUuid });
  readonly grants = new Table<Grant81>({
    scope: (g) => (g.isActive ? g.scopeUuid : null),
    resource: (g) => (g.isActive ? g.resourceUuid : null),
    role: (g) => g.roleUuid,
  });
  /** Sync rows per resource, by `syncKey`. */
  readonly syncRows = new Map<string, Map<string, SyncRow>>();
  /** `ResourceMemberSyncReport.reported_at` per resource. */
  readonly syncReportedAt = new Map<string, Micros>();
  /** `resource.last_sync` per resource. */
  readonly lastSync = new Map<string, Micros>();
  readonly restrictMemberAccess = new Set<string>();
  /** `sync_user_roles` cache key per resource: wall-clock ms it was set. */
  readonly syncRequestedAt = new Map<string, number>();
  /** Offerings bound to a service profile (role catalog managed there): offering -> profile. */
  readonly profiles = new Map<string, { uuid: string; name: string }>();
  /** Deactivated users (`is_active` false). */
  readonly deactivated = new Set<string>();
  /** Project roles: project -> account -> role. */
  readonly projectRoles = new Map<string, Map<string, ProjectRole>>();
  /** Offering managers (OFFERING.MANAGER on the offering itself): offering -> accounts. */
  readonly offeringManagers = new Map<string, Set<string>>();
  /** The site agents by offering. */
  readonly agents = new Map<string, AgentConfig>();
  /** Resources or resource projects whose operator reconciliation fails (seeded, beside the agentError fault). */
  readonly operatorFailures = new Set<string>();
  /** The agent's CRs by resource, then by RP uuid (`cluster` for the resource's own bindings). */
  readonly crs = new Map<string, Map<string, AgentCr>>();

  activeGrantsOn(scopeUuid: string): ReadonlySet<Grant81> {
    return this.grants.by('scope', scopeUuid);
  }
}
