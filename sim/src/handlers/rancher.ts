// Rancher: clusters, projects, role templates, Keycloak groups and user group memberships
// (waldur_rancher). The Keycloak behind a cluster is its service settings' realm.
import { requireObject } from '../http/body.ts';
import { DJANGO_SERVER_ERROR_HTML, forbidden, htmlError, listError, nonFieldError } from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import { paginate } from '../http/pagination.ts';
import type { ApiResult } from '../http/result.ts';
import { KeycloakUnavailable, settingsRealm } from '../keycloak/access.ts';
import type { Realm } from '../keycloak/realm.ts';
import type { Account, RancherCluster, RancherGroup, RancherMembership, RancherProject, RoleTemplate } from '../model/types.ts';
import type { Store } from '../model/store.ts';
import {
  serializeCluster,
  serializeProject,
  serializeRancherGroup,
  serializeRancherMembership,
  serializeRoleTemplate,
} from '../serializers/rancher.ts';
import { dashed, normalizeUuid } from '../util/ids.ts';
import type { Ctx } from './context.ts';
import { Filters, getObject, personFilters, sortBy, Where } from './filters.ts';
import { clip, newMembershipFields, readMembershipPerson } from './offering-keycloak-shared.ts';

function clusterVisible(user: Account, cluster: RancherCluster): boolean {
  return user.isStaff || user.isSupport || user.ownerOf.includes(cluster.customerUuid);
}

/** The cluster a group's scope belongs to (the cluster itself or a project's cluster). */
function scopeCluster(store: Store, role: RoleTemplate | undefined, scopeUuid: string): RancherCluster | undefined {
  if (!role) return undefined;
  if (role.scopeType === 'cluster') return store.clusters.get(scopeUuid);
  const project = store.projects.get(scopeUuid);
  return project ? store.clusters.get(project.clusterUuid) : undefined;
}

function groupVisible(store: Store, user: Account, group: RancherGroup): boolean {
  if (user.isStaff) return true;
  const cluster = scopeCluster(store, store.roleTemplates.get(group.roleUuid), group.scopeUuid);
  return cluster !== undefined && clusterVisible(user, cluster);
}

export function listClusters(ctx: Ctx): ApiResult {
  const w = new Where<RancherCluster>(new Filters(ctx)).test((c) => clusterVisible(ctx.user, c));
  w.contains('name', (c) => c.name);
  w.exact('name_exact', (c) => c.name);
  const customer = w.f.uuid('customer_uuid') ?? w.f.uuid('customer');
  if (customer !== undefined) w.test((c) => c.customerUuid === customer);
  w.uuid('service_settings_uuid', (c) => c.settingsUuid);
  w.uuid('uuid', (c) => c.uuid);
  w.f.check();
  return w.page(ctx, ctx.store.clusters, serializeCluster);
}

export function listProjects(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const cluster = (p: RancherProject) => store.clusters.get(p.clusterUuid);
  const w = new Where<RancherProject>(new Filters(ctx)).test((p) => {
    const c = cluster(p);
    return c !== undefined && clusterVisible(ctx.user, c);
  });
  w.uuid(
    'cluster_uuid',
    (p) => p.clusterUuid,
    (v) => store.projects.by('cluster', v),
  );
  w.uuid('settings_uuid', (p) => cluster(p)?.settingsUuid);
  w.contains('name', (p) => p.name);
  w.exact('name_exact', (p) => p.name);
  w.f.check();
  return w.page(ctx, store.projects, serializeProject);
}

export function listRoleTemplates(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const visibleSettings = new Set<string>();
  for (const c of store.clusters.all()) if (clusterVisible(ctx.user, c)) visibleSettings.add(c.settingsUuid);
  const w = new Where<RoleTemplate>(new Filters(ctx)).test((t) => ctx.user.isStaff || visibleSettings.has(t.settingsUuid));
  w.uuid('settings_uuid', (t) => t.settingsUuid);
  w.exact('scope_type', (t) => t.scopeType);
  w.exact('name', (t) => t.name);
  const ordering = w.f.ordering(['name', 'scope_type']);
  w.f.check();
  const rows = [...store.roleTemplates.all()].filter(w.keep);
  sortBy(rows, ordering.length > 0 ? ordering : ['name'], (t, field) => (field === 'scope_type' ? t.scopeType : t.name));
  return paginate(ctx.url, ctx.query, rows, (t) => serializeRoleTemplate(ctx, t));
}

function roleFilter(value: string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  const m = /\/api\/rancher-role-templates\/([^/]+)\/?$/.exec(value);
  return normalizeUuid(m?.[1] ?? value);
}

export function listRancherGroups(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const w = new Where<RancherGroup>(new Filters(ctx)).test((g) => groupVisible(store, ctx.user, g));
  const role = roleFilter(w.f.text('role'));
  if (role !== undefined) w.test((g) => g.roleUuid === role);
  w.exact('scope_type', (g) => store.roleTemplates.get(g.roleUuid)?.scopeType);
  w.uuid('scope_uuid', (g) => g.scopeUuid);
  w.f.check();
  return w.page(ctx, store.rancherGroups, serializeRancherGroup);
}

export function retrieveRancherGroup(ctx: Ctx): ApiResult {
  const group = getObject(ctx, ctx.store.rancherGroups, (g) => groupVisible(ctx.store, ctx.user, g));
  return { status: 200, body: serializeRancherGroup(ctx, group) };
}

// ---- memberships ------------------------------------------------------------------------------

function getRancherMembership(ctx: Ctx): RancherMembership {
  return getObject(ctx, ctx.store.rancherMemberships, (m) => {
    const group = ctx.store.rancherGroups.get(m.groupUuid);
    return group !== undefined && groupVisible(ctx.store, ctx.user, group);
  });
}

export function listRancherMemberships(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const group = (m: RancherMembership) => store.rancherGroups.get(m.groupUuid);
  const w = new Where<RancherMembership>(new Filters(ctx)).test((m) => {
    const g = group(m);
    return g !== undefined && groupVisible(store, ctx.user, g);
  });
  w.uuid(
    'group_uuid',
    (m) => m.groupUuid,
    (v) => store.rancherMemberships.by('group', v),
  );
  w.uuid('role_uuid', (m) => group(m)?.roleUuid);
  w.exact('scope_type', (m) => {
    const g = group(m);
    return g && store.roleTemplates.get(g.roleUuid)?.scopeType;
  });
  w.uuid('scope_uuid', (m) => group(m)?.scopeUuid);
  personFilters(w);
  w.f.check();
  return w.page(ctx, store.rancherMemberships, serializeRancherMembership);
}

export function retrieveRancherMembership(ctx: Ctx): ApiResult {
  return { status: 200, body: serializeRancherMembership(ctx, getRancherMembership(ctx)) };
}

function canManageScope(store: Store, user: Account, role: RoleTemplate, scopeUuid: string): boolean {
  if (user.isStaff) return true;
  const cluster = scopeCluster(store, role, scopeUuid);
  return cluster !== undefined && user.ownerOf.includes(cluster.customerUuid);
}

/** serializer.validate(): the scope must exist for the role's scope type. */
function checkScope(store: Store, role: RoleTemplate, scopeUuid: string): void {
  if (role.scopeType === 'cluster' && !store.clusters.get(scopeUuid)) {
    throw nonFieldError(`Cluster with UUID ${dashed(scopeUuid)} does not exist.`);
  }
  if (role.scopeType === 'project' && !store.projects.get(scopeUuid)) {
    throw nonFieldError(`Project with UUID ${dashed(scopeUuid)} does not exist.`);
  }
}

function checkDuplicate(store: Store, username: string, role: RoleTemplate, except?: RancherMembership): void {
  for (const g of store.rancherGroups.by('role', role.uuid)) {
    for (const m of store.rancherMemberships.by('group', g.uuid)) {
      if (m !== except && m.username === username) {
        throw nonFieldError('This keycloak user group membership already exists.');
      }
    }
  }
}

function realmForScope(ctx: Ctx, role: RoleTemplate, scopeUuid: string): Realm {
  const cluster = scopeCluster(ctx.store, role, scopeUuid);
  const settings = cluster ? ctx.store.serviceSettings.get(cluster.settingsUuid) : undefined;
  try {
    if (!settings) throw new KeycloakUnavailable("Can't connect to server");
    return settingsRealm(ctx.store, ctx.faults, settings);
  } catch (err) {
    if (err instanceof KeycloakUnavailable) throw listError(`Unable to add a user to the Keycloak group: ${err.reason}`);
    throw err;
  }
}

/** The Rancher membership serializer's fields, for create and update alike (errors collected in `v`). */
function readRancherMembership(v: FieldValidator, store: Store) {
  return {
    ...readMembershipPerson(v),
    scopeUuid: v.uuid('scope_uuid', { required: true }),
    roleUuid: v.hyperlink('role', 'rancher-role-templates', (u) => store.roleTemplates.get(u) !== undefined, { required: true }),
  };
}

export async function createRancherMembership(ctx: Ctx): Promise<ApiResult> {
  const { store } = ctx;
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const { username, email, scopeUuid, roleUuid } = readRancherMembership(v, store);
  v.throwIfErrors();
  const role = store.roleTemplates.get(roleUuid ?? '');
  if (!role || typeof username !== 'string' || typeof email !== 'string' || !scopeUuid) throw new Error('validated');
  checkScope(store, role, scopeUuid);
  checkDuplicate(store, username, role);
  if (!canManageScope(store, ctx.user, role, scopeUuid)) throw forbidden();

  const realm = realmForScope(ctx, role, scopeUuid);
  const cluster = scopeCluster(store, role, scopeUuid);
  if (!cluster) throw new Error('validated');
  const parent = realm.ensureGroup(`c_${cluster.uuid}`, null);
  const now = store.now();
  let group: RancherGroup | undefined;
  for (const g of store.rancherGroups.by('role', role.uuid)) if (g.scopeUuid === scopeUuid) group = g;
  if (!group) {
    const name = `${role.scopeType[0]}_${scopeUuid}_${role.name}`;
    const remote = realm.ensureGroup(name, parent.id);
    group = {
      uuid: store.newUuid('rancher-group'),
      name,
      backendId: remote.id,
      roleUuid: role.uuid,
      scopeUuid,
      created: now,
      modified: now,
    };
    store.rancherGroups.insert(group);
  } else if (!realm.getGroup(group.backendId)) {
    group.backendId = realm.ensureGroup(group.name, parent.id).id;
    group.modified = now;
  }
  const membership: RancherMembership = {
    uuid: store.newUuid('rancher-membership'),
    ...newMembershipFields(username, email, now),
    groupUuid: group.uuid,
  };
  const user = realm.findUser(username);
  if (user) {
    realm.addMember(group.backendId, user.id);
    membership.firstName = clip(user.firstName, 100);
    membership.lastName = clip(user.lastName, 100);
    membership.state = 'active';
  }
  store.rancherMemberships.insert(membership);
  const body = serializeRancherMembership(ctx, membership);
  // DRF's CreateModelMixin points Location at the new object.
  return { status: 201, body, headers: { Location: String(body.url) } };
}

/**
 * PUT / PATCH. Waldur's `KeycloakUserGroupMembershipSerializer.validate` runs on updates as on
 * create (waldur_rancher/serializers.py), on the fields sent:
 * - no `role` (a PATCH without it): it builds `KeycloakGroup(role=None, ...)` and reads the
 *   role's scope type, an unhandled error: Django's 500 page, nothing changed;
 * - `role` without `scope_uuid`: no cluster or project "None";
 * - no `username` (a PATCH without it): `attrs["username"]` raises: 500;
 * - the duplicate check (username + role) does not leave the edited membership out, so keeping
 *   username and role is refused as a duplicate: the email alone cannot be changed.
 * Then DRF's update stores only the model's fields: `username` and `email` (the group stays).
 */
export async function updateRancherMembership(ctx: Ctx): Promise<ApiResult> {
  const { store } = ctx;
  const m = getRancherMembership(ctx);
  const partial = ctx.method === 'PATCH';
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data, partial);
  const { username, email, scopeUuid, roleUuid } = readRancherMembership(v, store);
  v.throwIfErrors();
  const role = store.roleTemplates.get(roleUuid ?? '');
  if (!role) throw htmlError(500, DJANGO_SERVER_ERROR_HTML);
  if (!scopeUuid) throw nonFieldError(`${role.scopeType === 'project' ? 'Project' : 'Cluster'} with UUID None does not exist.`);
  checkScope(store, role, scopeUuid);
  if (typeof username !== 'string') throw htmlError(500, DJANGO_SERVER_ERROR_HTML);
  checkDuplicate(store, username, role);
  const group = store.rancherGroups.get(m.groupUuid);
  const currentRole = group ? store.roleTemplates.get(group.roleUuid) : undefined;
  if (!currentRole || !group || !canManageScope(store, ctx.user, currentRole, group.scopeUuid)) throw forbidden();
  m.username = username;
  if (typeof email === 'string') m.email = email;
  m.modified = store.now();
  return { status: 200, body: serializeRancherMembership(ctx, m) };
}

export function destroyRancherMembership(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const m = getRancherMembership(ctx);
  const group = store.rancherGroups.get(m.groupUuid);
  const role = group ? store.roleTemplates.get(group.roleUuid) : undefined;
  if (!group || !role || !canManageScope(store, ctx.user, role, group.scopeUuid)) throw forbidden();
  store.rancherMemberships.delete(m.uuid);
  const cluster = scopeCluster(store, role, group.scopeUuid);
  const settings = cluster ? store.serviceSettings.get(cluster.settingsUuid) : undefined;
  if (settings) {
    try {
      const realm = settingsRealm(store, ctx.faults, settings);
      const user = realm.findUser(m.username);
      if (user) realm.removeMember(group.backendId, user.id);
    } catch (err) {
      if (!(err instanceof KeycloakUnavailable)) throw err;
    }
  }
  return { status: 204 };
}
