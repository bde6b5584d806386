import { hexUuid } from '../../lib/format';
import { syncFilterOf, syncReportOf, type SyncFilter, type SyncReport } from './sync-state';
import type { AccessResource, ResourceProject, ScopeUserRole, TeamMember, TeamMemberRole } from './types';

/** Where a role is granted: a resource, or one of its resource projects. */
export type ScopeType = 'resource' | 'resource_project';

/** A resource project as a scope, with the resource it belongs to. */
export type ProjectScope = { uuid: string; name: string; resourceUuid: string };

/**
 * One active grant of an offering role: a user holds a role on a resource or on a resource
 * project until an expiration time (or for good), and what the agent reported about it.
 */
export type Grant = {
  /** Unique within the offering: scope, user and role (a second grant of the same role gets a suffix). */
  key: string;
  userUuid: string;
  username: string;
  fullName: string;
  email: string;
  roleUuid: string;
  roleName: string;
  scopeType: ScopeType;
  resourceUuid: string;
  resourceName: string;
  /** The resource project's uuid and name; '' for a grant on the resource itself. */
  projectUuid: string;
  projectName: string;
  expirationTime: string | null;
  sync: SyncReport;
};

/** The scope a grant is on, as add_user / update_user / delete_user need it. */
export type GrantScope = { type: ScopeType; uuid: string };

export function grantScope(grant: Pick<Grant, 'scopeType' | 'resourceUuid' | 'projectUuid'>): GrantScope {
  return grant.scopeType === 'resource'
    ? { type: 'resource', uuid: grant.resourceUuid }
    : { type: 'resource_project', uuid: grant.projectUuid };
}

/** A grant's key: scope, user and role (32-hex). A second grant of the same role gets a suffix. */
export function grantKeyOf(scopeType: ScopeType, scopeUuid: string, userUuid: string, roleUuid: string): string {
  return [scopeType, hexUuid(scopeUuid), hexUuid(userUuid), hexUuid(roleUuid)].join(':');
}

/** Keys made unique in order: a second active grant of one role on one scope (section 4) keeps its own row. */
function uniqueKeys(grants: Omit<Grant, 'key'>[]): Grant[] {
  const seen = new Map<string, number>();
  return grants.map((grant) => {
    const base = grantKeyOf(
      grant.scopeType,
      grant.scopeType === 'resource' ? grant.resourceUuid : grant.projectUuid,
      grant.userUuid,
      grant.roleUuid,
    );
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { ...grant, key: count === 0 ? base : `${base}:${count + 1}` };
  });
}

type ResourceRef = Pick<AccessResource, 'uuid' | 'name'>;

/**
 * Every grant on a resource and its resource projects from the resource's `team_members`
 * (one row per user: `roles[]` on the resource, `resource_projects[]` one entry per project
 * grant). A Waldur without `roles[]` (8.1.0) gives the one direct role at the top of the row.
 */
export function grantsFromTeamMembers(resource: ResourceRef, members: readonly TeamMember[], offeringReports: boolean): Grant[] {
  const resourceUuid = hexUuid(resource.uuid ?? '');
  const rows: Omit<Grant, 'key'>[] = [];
  for (const member of members) {
    const person = {
      userUuid: hexUuid(member.uuid ?? ''),
      username: member.username ?? '',
      fullName: member.full_name ?? '',
      email: member.email ?? '',
    };
    const direct =
      member.roles ??
      (member.role_uuid
        ? [{ role_name: member.role_name ?? '', role_uuid: member.role_uuid, expiration_time: member.expiration_time ?? null }]
        : []);
    // One grant per entry: the entries of roles[] and resource_projects[] carry the same fields.
    const add = (entry: TeamMemberRole, scope: Pick<Grant, 'scopeType' | 'projectUuid' | 'projectName'>) =>
      rows.push({
        ...person,
        ...scope,
        roleUuid: hexUuid(entry.role_uuid ?? ''),
        roleName: entry.role_name ?? '',
        resourceUuid,
        resourceName: resource.name ?? '',
        expirationTime: entry.expiration_time ?? null,
        sync: syncReportOf(entry, offeringReports),
      });
    for (const role of direct) add(role, { scopeType: 'resource', projectUuid: '', projectName: '' });
    for (const entry of member.resource_projects ?? []) {
      add(entry, { scopeType: 'resource_project', projectUuid: hexUuid(entry.uuid ?? ''), projectName: entry.name ?? '' });
    }
  }
  return uniqueKeys(rows);
}

/** The grants of one scope from its provider `list_users`, with what is known of their sync state. */
export function grantsFromScopeUsers(
  resource: ResourceRef,
  project: Pick<ResourceProject, 'uuid' | 'name'> | null,
  rows: readonly ScopeUserRole[],
  sync: SyncReport,
): Grant[] {
  return uniqueKeys(
    rows.map((row) => ({
      userUuid: hexUuid(row.user_uuid ?? ''),
      username: row.user_username ?? '',
      fullName: row.user_full_name ?? '',
      email: row.user_email ?? '',
      roleUuid: hexUuid(row.role_uuid ?? ''),
      roleName: row.role_name ?? '',
      scopeType: project ? 'resource_project' : 'resource',
      resourceUuid: hexUuid(resource.uuid ?? ''),
      resourceName: resource.name ?? '',
      projectUuid: project ? hexUuid(project.uuid) : '',
      projectName: project?.name ?? '',
      expirationTime: row.expiration_time ?? null,
      sync,
    })),
  );
}

/** The Access tab's filters (URL state), all optional. */
export type GrantFilters = { resource: string; project: string; role: string; sync: SyncFilter | ''; q: string };

export function filterGrants(grants: readonly Grant[], filters: GrantFilters): Grant[] {
  const q = filters.q.trim().toLocaleLowerCase();
  return grants.filter(
    (grant) =>
      (!filters.resource || grant.resourceUuid === hexUuid(filters.resource)) &&
      (!filters.project || grant.projectUuid === hexUuid(filters.project)) &&
      (!filters.role || grant.roleUuid === hexUuid(filters.role)) &&
      (!filters.sync || syncFilterOf(grant.sync) === filters.sync) &&
      (!q || [grant.username, grant.fullName, grant.email].some((text) => text.toLocaleLowerCase().includes(q))),
  );
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * One resource's grants in the table's order: resource-wide first, then by project, user and
 * role. Resources come from Waldur by name, so the offering's list is their concatenation.
 */
export function sortGrants(grants: readonly Grant[]): Grant[] {
  const text = collator.compare;
  return [...grants].sort(
    (a, b) =>
      text(a.projectName, b.projectName) ||
      text(a.projectUuid, b.projectUuid) ||
      text(a.username, b.username) ||
      text(a.roleName, b.roleName) ||
      text(a.key, b.key),
  );
}

export type SyncCounts = Record<SyncFilter, number> & { off: number; unreadable: number };

export function countBySync(grants: readonly Grant[]): SyncCounts {
  const counts: SyncCounts = { synced: 0, pending: 0, missing_in_idp: 0, error: 0, not_reported: 0, off: 0, unreadable: 0 };
  for (const grant of grants) {
    const filter = syncFilterOf(grant.sync);
    if (filter) counts[filter] += 1;
    else counts[grant.sync.kind === 'off' ? 'off' : 'unreadable'] += 1;
  }
  return counts;
}

/** How many grants each role has (the Roles tab says so before a role is deleted). */
export function countByRole(grants: readonly Grant[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const grant of grants) counts.set(grant.roleUuid, (counts.get(grant.roleUuid) ?? 0) + 1);
  return counts;
}

/** The grants that need a look: reported but not `synced`, or not reported on an offering that reports. */
export function grantsNeedingAttention(grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => {
    const filter = syncFilterOf(grant.sync);
    return filter !== null && filter !== 'synced';
  });
}

/** Whether an expiration time has passed (Waldur revokes such grants on its next periodic run). */
export function isExpired(expirationTime: string | null, now = Date.now()): boolean {
  return expirationTime !== null && new Date(expirationTime).getTime() <= now;
}
