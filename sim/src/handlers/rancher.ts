// Rancher: clusters, projects, role templates, Keycloak groups and user group memberships
// (waldur_rancher). The Keycloak behind a cluster is its service settings' realm.
import { requireObject } from '../http/body.ts';
import { forbidden, listError, nonFieldError, notFound } from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import { paginate } from '../http/pagination.ts';
import type { ApiResult } from '../http/result.ts';
import { KeycloakUnavailable, settingsRealm } from '../keycloak/access.ts';
import type { Realm } from '../keycloak/realm.ts';
import type { Account, RancherCluster, RancherGroup, RancherMembership, RoleTemplate } from '../model/types.ts';
import type { Store } from '../model/store.ts';
import {
  serializeCluster,
  serializeProject,
  serializeRancherGroup,
  serializeRancherMembership,
  serializeRoleTemplate,
} from '../serializers.ts';
import { dashed, normalizeUuid } from '../util/ids.ts';
import type { Ctx } from './context.ts';
import { Filters, newestFirst, sortBy } from './filters.ts';
import { clip } from './offering-keycloak-shared.ts';

const STATES = ['pending', 'active'] as const;

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
  const f = new Filters(ctx);
  const name = f.text('name')?.toLowerCase();
  const nameExact = f.text('name_exact');
  const customer = f.uuid('customer_uuid') ?? f.uuid('customer');
  const settings = f.uuid('service_settings_uuid');
  const uuid = f.uuid('uuid');
  f.check();
  const { store } = ctx;
  const rows = newestFirst(store.clusters.all(), (c) => {
    if (!clusterVisible(ctx.user, c)) return false;
    if (name !== undefined && !c.name.toLowerCase().includes(name)) return false;
    if (nameExact !== undefined && c.name !== nameExact) return false;
    if (customer !== undefined && c.customerUuid !== customer) return false;
    if (settings !== undefined && c.settingsUuid !== settings) return false;
    if (uuid !== undefined && c.uuid !== uuid) return false;
    return true;
  });
  return paginate(ctx.url, ctx.query, rows, (c) => serializeCluster(ctx, c));
}

export function listProjects(ctx: Ctx): ApiResult {
  const f = new Filters(ctx);
  const clusterUuid = f.uuid('cluster_uuid');
  const settings = f.uuid('settings_uuid');
  const name = f.text('name')?.toLowerCase();
  const nameExact = f.text('name_exact');
  f.check();
  const { store } = ctx;
  const source = clusterUuid !== undefined ? store.projects.by('cluster', clusterUuid) : store.projects.all();
  const rows = newestFirst(source, (p) => {
    const cluster = store.clusters.get(p.clusterUuid);
    if (!cluster || !clusterVisible(ctx.user, cluster)) return false;
    if (settings !== undefined && cluster.settingsUuid !== settings) return false;
    if (name !== undefined && !p.name.toLowerCase().includes(name)) return false;
    if (nameExact !== undefined && p.name !== nameExact) return false;
    return true;
  });
  return paginate(ctx.url, ctx.query, rows, (p) => serializeProject(ctx, p));
}

export function listRoleTemplates(ctx: Ctx): ApiResult {
  const f = new Filters(ctx);
  const settings = f.uuid('settings_uuid');
  const scopeType = f.text('scope_type');
  const name = f.text('name');
  const ordering = f.ordering(['name', 'scope_type']);
  f.check();
  const { store } = ctx;
  const visibleSettings = new Set<string>();
  for (const c of store.clusters.all()) if (clusterVisible(ctx.user, c)) visibleSettings.add(c.settingsUuid);
  const rows = [...store.roleTemplates.all()].filter((t) => {
    if (!ctx.user.isStaff && !visibleSettings.has(t.settingsUuid)) return false;
    if (settings !== undefined && t.settingsUuid !== settings) return false;
    if (scopeType !== undefined && t.scopeType !== scopeType) return false;
    if (name !== undefined && t.name !== name) return false;
    return true;
  });
  sortBy(rows, ordering.length > 0 ? ordering : ['name'], (t, field) => (field === 'scope_type' ? t.scopeType : t.name));
  return paginate(ctx.url, ctx.query, rows, (t) => serializeRoleTemplate(ctx, t));
}

function roleFilter(value: string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  const m = /\/api\/rancher-role-templates\/([^/]+)\/?$/.exec(value);
  return normalizeUuid(m?.[1] ?? value);
}

export function listRancherGroups(ctx: Ctx): ApiResult {
  const f = new Filters(ctx);
  const role = roleFilter(f.text('role'));
  const scopeType = f.text('scope_type');
  const scopeUuid = f.uuid('scope_uuid');
  f.check();
  const { store } = ctx;
  const rows = newestFirst(store.rancherGroups.all(), (g) => {
    if (!groupVisible(store, ctx.user, g)) return false;
    if (role !== undefined && g.roleUuid !== role) return false;
    if (scopeType !== undefined && store.roleTemplates.get(g.roleUuid)?.scopeType !== scopeType) return false;
    if (scopeUuid !== undefined && g.scopeUuid !== scopeUuid) return false;
    return true;
  });
  return paginate(ctx.url, ctx.query, rows, (g) => serializeRancherGroup(ctx, g));
}

export function retrieveRancherGroup(ctx: Ctx): ApiResult {
  const hex = normalizeUuid(ctx.param('uuid'));
  const g = hex ? ctx.store.rancherGroups.get(hex) : undefined;
  if (!g || !groupVisible(ctx.store, ctx.user, g)) throw notFound();
  return { status: 200, body: serializeRancherGroup(ctx, g) };
}

// ---- memberships ------------------------------------------------------------------------------

function getRancherMembership(ctx: Ctx): RancherMembership {
  const hex = normalizeUuid(ctx.param('uuid'));
  const m = hex ? ctx.store.rancherMemberships.get(hex) : undefined;
  const group = m ? ctx.store.rancherGroups.get(m.groupUuid) : undefined;
  if (!m || !group || !groupVisible(ctx.store, ctx.user, group)) throw notFound();
  return m;
}

export function listRancherMemberships(ctx: Ctx): ApiResult {
  const f = new Filters(ctx);
  const groupUuid = f.uuid('group_uuid');
  const roleUuid = f.uuid('role_uuid');
  const scopeType = f.text('scope_type');
  const scopeUuid = f.uuid('scope_uuid');
  const username = f.text('username');
  const email = f.text('email');
  const firstName = f.text('first_name');
  const lastName = f.text('last_name');
  const states = f.choices('state', STATES);
  f.check();
  const { store } = ctx;
  const source = groupUuid !== undefined ? store.rancherMemberships.by('group', groupUuid) : store.rancherMemberships.all();
  const rows = newestFirst(source, (m) => {
    const group = store.rancherGroups.get(m.groupUuid);
    if (!group || !groupVisible(store, ctx.user, group)) return false;
    if (roleUuid !== undefined && group.roleUuid !== roleUuid) return false;
    if (scopeType !== undefined && store.roleTemplates.get(group.roleUuid)?.scopeType !== scopeType) return false;
    if (scopeUuid !== undefined && group.scopeUuid !== scopeUuid) return false;
    if (username !== undefined && m.username !== username) return false;
    if (email !== undefined && m.email !== email) return false;
    if (firstName !== undefined && m.firstName !== firstName) return false;
    if (lastName !== undefined && m.lastName !== lastName) return false;
    if (states && !states.has(m.state)) return false;
    return true;
  });
  return paginate(ctx.url, ctx.query, rows, (m) => serializeRancherMembership(ctx, m));
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

export async function createRancherMembership(ctx: Ctx): Promise<ApiResult> {
  const { store } = ctx;
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const username = v.char('username', { required: true, maxLength: 255 });
  const email = v.email('email', { required: true, maxLength: 254 });
  const scopeUuid = v.uuid('scope_uuid', { required: true });
  const roleUuid = v.hyperlink('role', 'rancher-role-templates', (u) => store.roleTemplates.get(u) !== undefined, {
    required: true,
  });
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
    username,
    email,
    firstName: '',
    lastName: '',
    groupUuid: group.uuid,
    state: 'pending',
    created: now,
    modified: now,
    lastChecked: now,
    errorMessage: '',
    errorTraceback: '',
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

/** PUT / PATCH: validates like create; only `username` and `email` are stored. */
export async function updateRancherMembership(ctx: Ctx): Promise<ApiResult> {
  const { store } = ctx;
  const m = getRancherMembership(ctx);
  const partial = ctx.method === 'PATCH';
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data, partial);
  const username = v.char('username', { required: true, maxLength: 255 });
  const email = v.email('email', { required: true, maxLength: 254 });
  const scopeUuid = v.uuid('scope_uuid', { required: true });
  const roleUuid = v.hyperlink('role', 'rancher-role-templates', (u) => store.roleTemplates.get(u) !== undefined, {
    required: true,
  });
  v.throwIfErrors();
  const group = store.rancherGroups.get(m.groupUuid);
  const role = store.roleTemplates.get(roleUuid ?? group?.roleUuid ?? '');
  const scope = scopeUuid ?? group?.scopeUuid;
  if (role && scope) checkScope(store, role, scope);
  if (role) checkDuplicate(store, username ?? m.username, role, m);
  const currentRole = group ? store.roleTemplates.get(group.roleUuid) : undefined;
  if (!currentRole || !group || !canManageScope(store, ctx.user, currentRole, group.scopeUuid)) throw forbidden();
  if (typeof username === 'string') m.username = username;
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
