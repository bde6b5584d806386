// Waldur 8.1.3 endpoints of access through offering roles (waldur-access-8.1.md sections 2-5):
// offering roles, provider offerings/resources with their 8.1 fields, resource projects,
// list_users / add_user / update_user / delete_user on the four viewsets, team_members, the sync
// status endpoints, and the users list. Check orders, status codes and bodies follow the spec.
import { isRecord, requireObject } from '../http/body.ts';
import {
  DJANGO_NOT_FOUND_HTML,
  DJANGO_SERVER_ERROR_HTML,
  detail,
  fieldErrors,
  forbidden,
  HttpError,
  htmlError,
  listError,
  MESSAGES,
  nonFieldError,
  notFound,
} from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import { paginate } from '../http/pagination.ts';
import type { ApiResult } from '../http/result.ts';
import type { AccessState, ContentType, Grant81, ResourceProject81, Role81, SyncState } from '../model/access-8-1.ts';
import { SYNC_STATES } from '../model/access-8-1.ts';
import type { Account, Offering, Resource } from '../model/types.ts';
import {
  drfTime,
  fullName,
  serializeGrant81,
  serializeOffering81,
  serializeResource81,
  serializeResourceProject81,
  serializeRole81,
  serializeTeamMember,
  serializeUser81,
} from '../serializers/access-8-1.ts';
import type { ReportEntry } from '../agent.ts';
import { isSyncStatusEnabled, storeReport } from '../agent.ts';
import { normalizeUuid } from '../util/ids.ts';
import { parseIsoToMicros } from '../util/time.ts';
import type { Ctx } from './context.ts';
import { Filters, getObject, pickFields, sortBy, Where } from './filters.ts';

export const MSG = {
  listTeamForbidden: 'You do not have permission to list team members of this scope.',
  teamMembersForbidden: 'You do not have permission to list team members of this resource.',
  offeringUnavailable: 'Offering is unavailable.',
  roleNotFound: 'Role is not found.',
  userNotFound: 'User is not found.',
  expirationPast: 'Expiration time should be greater than current time.',
  customerNotAvailable: 'Customer is not available.',
  ownRole: 'User can not manage own role.',
  deactivated: 'Only staff users can assign roles to deactivated users.',
  duplicate: 'User has already the same role in this scope.',
  roleInvalidForScope: 'Role is not valid for this scope.',
  roleNotActive: 'Role is not active.',
  roleNotAvailable: 'Role is not available for this scope.',
  syncDisabled: 'Membership sync status is not enabled for this offering.',
  syncRecently: 'Sync was already requested recently.',
  /** Not read in Waldur's code (open question 2): the simulator's wording. */
  duplicateRoleName: 'A role with this name already exists for this offering.',
  revokeReason: 'Manual user removal via delete_user API endpoint',
} as const;

/** sync_user_roles: the per-resource cache key lives this long (shared by every user). */
export const SYNC_REQUEST_TTL_MS = 30_000;

function accessOf(ctx: Ctx): AccessState {
  const access = ctx.core.access;
  if (!access) throw htmlError(404, DJANGO_NOT_FOUND_HTML);
  return access;
}

// ---- who may do what -----------------------------------------------------------------------

function privileged(user: Account): boolean {
  return user.isStaff || user.isSupport;
}

function isCustomerOwner(user: Account, customerUuid: string): boolean {
  return user.ownerOf.includes(customerUuid);
}

/** OFFERING.UPDATE on the offering (offering manager) or its customer (owner); staff always. */
function canUpdateOffering(access: AccessState, user: Account, offering: Offering): boolean {
  return (
    user.isStaff || isCustomerOwner(user, offering.customerUuid) || access.offeringManagers.get(offering.uuid)?.has(user.uuid) === true
  );
}

/** `filter_for_service_provider`: staff/support, or any role on the offering's customer or the offering. */
function providerSees(access: AccessState, user: Account, offering: Offering | undefined): boolean {
  if (!offering) return false;
  return (
    privileged(user) || isCustomerOwner(user, offering.customerUuid) || access.offeringManagers.get(offering.uuid)?.has(user.uuid) === true
  );
}

/** RESOURCE.LIST on the resource's project or customer (consumer side). */
function consumerRoleOn(access: AccessState, user: Account, resource: Resource): boolean {
  return isCustomerOwner(user, resource.customerUuid) || access.projectRoles.get(resource.projectUuid)?.has(user.uuid) === true;
}

function hasGrantIn(access: AccessState, user: Account, resourceUuid: string): boolean {
  for (const g of access.grants.by('resource', resourceUuid)) if (g.userUuid === user.uuid) return true;
  return false;
}

/** `filter_for_service_consumer`: RESOURCE.LIST in the project/customer, or a grant on the resource or one of its RPs. */
function consumerSees(access: AccessState, user: Account, resource: Resource): boolean {
  return privileged(user) || consumerRoleOn(access, user, resource) || hasGrantIn(access, user, resource.uuid);
}

/** CUSTOMER.VIEW_TEAM on the consumer customer or PROJECT.VIEW_TEAM on one of its projects. */
function consumerTeamViewer(access: AccessState, user: Account, customerUuid: string): boolean {
  if (isCustomerOwner(user, customerUuid)) return true;
  for (const project of access.projects.by('customer', customerUuid))
    if (access.projectRoles.get(project.uuid)?.has(user.uuid)) return true;
  return false;
}

function hasGrantOnScope(access: AccessState, user: Account, scopeUuid: string, permission?: string): boolean {
  for (const g of access.activeGrantsOn(scopeUuid)) {
    if (g.userUuid !== user.uuid) continue;
    if (permission === undefined || access.roles.get(g.roleUuid)?.permissions.includes(permission)) return true;
  }
  return false;
}

/** `can_view_scope_team` for list_users / team_members. */
function canViewTeam(
  access: AccessState,
  user: Account,
  resource: Resource,
  offering: Offering,
  scopeUuid: string,
  provider: boolean,
): boolean {
  if (privileged(user)) return true;
  if (hasGrantOnScope(access, user, scopeUuid)) return true;
  if (consumerTeamViewer(access, user, resource.customerUuid)) return true;
  return provider && canUpdateOffering(access, user, offering);
}

// ---- lookups -------------------------------------------------------------------------------

interface Scope {
  kind: ContentType;
  provider: boolean;
  uuid: string;
  resource: Resource;
  offering: Offering;
  rp: ResourceProject81 | null;
}

/** The scope of a detail route on one of the four viewsets, or 404 as its queryset would hide it. */
function lookupScope(ctx: Ctx, access: AccessState, kind: ContentType, provider: boolean): Scope {
  const uuid = normalizeUuid(ctx.param('uuid'));
  if (!uuid) throw notFound();
  let rp: ResourceProject81 | null = null;
  let resource: Resource | undefined;
  if (kind === 'resource') resource = ctx.store.resources.get(uuid);
  else {
    rp = access.resourceProjects.get(uuid) ?? null;
    if (!rp || rp.isRemoved) throw notFound();
    resource = ctx.store.resources.get(rp.resourceUuid);
  }
  const offering = resource ? ctx.store.offerings.get(resource.offeringUuid) : undefined;
  if (!resource || !offering) throw notFound();
  const visible = provider ? providerSees(access, ctx.user, offering) : consumerSees(access, ctx.user, resource);
  if (!visible) throw notFound();
  return { kind, provider, uuid, resource, offering, rp };
}

// ---- provider offerings and resources ------------------------------------------------------

export function listProviderOfferings81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const w = new Where<Offering>(new Filters(ctx));
  w.contains('name', (o) => o.name);
  w.exact('name_exact', (o) => o.name);
  w.uuid('customer_uuid', (o) => o.customerUuid);
  w.choices('state', ['Draft', 'Active', 'Paused', 'Archived', 'Unavailable'], (o) => o.state);
  const types = ctx.query.getAll('type').filter(Boolean);
  if (types.length > 0) w.test((o) => types.includes(o.type));
  const uuidList = w.f.text('uuid_list');
  if (uuidList !== undefined) {
    const wanted = uuidList.split(',').map((u) => normalizeUuid(u));
    w.test((o) => wanted.includes(o.uuid));
  }
  const ordering = w.f.ordering(['created', 'name', 'state', 'type']);
  w.f.check();
  const rows = sortBy(
    w.rows(() => ctx.store.offerings.all()),
    ordering,
    (o, f) => (f === 'name' ? o.name : f === 'state' ? o.state : f === 'type' ? o.type : o.created),
  );
  return paginate(ctx.url, ctx.query, rows, (o) => pickFields(ctx, serializeOffering81(ctx, access, o)));
}

export function retrieveProviderOffering81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  return { status: 200, body: pickFields(ctx, serializeOffering81(ctx, access, getObject(ctx, ctx.store.offerings))) };
}

export function listProviderResources81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const { store } = ctx;
  const w = new Where<Resource>(new Filters(ctx)).test((r) => providerSees(access, ctx.user, store.offerings.get(r.offeringUuid)));
  // Repeatable and comma separated.
  const offerings = ctx.query
    .getAll('offering_uuid')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  if (offerings.length > 0) {
    const wanted = offerings.map((o) => normalizeUuid(o));
    if (wanted.includes(null)) throw new HttpError(400, { offering_uuid: [MESSAGES.filterInvalidUuid] });
    w.test((r) => wanted.includes(r.offeringUuid));
  }
  w.contains('name', (r) => r.name);
  w.exact('name_exact', (r) => r.name);
  w.uuid('customer_uuid', (r) => r.customerUuid);
  w.uuid('project_uuid', (r) => r.projectUuid);
  w.choices('state', ['Creating', 'OK', 'Erred', 'Updating', 'Terminating', 'Terminated'], (r) => r.state);
  const q = w.f.text('query')?.toLowerCase();
  if (q !== undefined) w.test((r) => `${r.name} ${r.backendId} ${r.uuid}`.toLowerCase().includes(q));
  const ordering = w.f.ordering(['created', 'name', 'state', 'project_name']);
  w.f.check();
  const rows = sortBy(
    w.rows(() => store.resources.all()),
    ordering,
    (r, f) => (f === 'name' ? r.name : f === 'state' ? r.state : f === 'project_name' ? r.projectName : r.created),
  );
  return paginate(ctx.url, ctx.query, rows, (r) => pickFields(ctx, serializeResource81(ctx, access, r)));
}

export function retrieveProviderResource81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const scope = lookupScope(ctx, access, 'resource', true);
  return { status: 200, body: pickFields(ctx, serializeResource81(ctx, access, scope.resource)) };
}

// ---- resource projects ---------------------------------------------------------------------

function listResourceProjects(ctx: Ctx, provider: boolean): ApiResult {
  const access = accessOf(ctx);
  const { store } = ctx;
  const includeRemoved = !provider && ['true', 'True', '1'].includes(ctx.query.get('include_removed') ?? '');
  const w = new Where<ResourceProject81>(new Filters(ctx)).test((rp) => {
    if (rp.isRemoved && !includeRemoved) return false;
    const resource = store.resources.get(rp.resourceUuid);
    if (!resource) return false;
    return provider ? providerSees(access, ctx.user, store.offerings.get(resource.offeringUuid)) : consumerSees(access, ctx.user, resource);
  });
  w.uuid(
    'resource_uuid',
    (rp) => rp.resourceUuid,
    (v) => access.resourceProjects.by('resource', v),
  );
  const resourceUrl = w.f.text('resource');
  if (resourceUrl !== undefined) {
    const m = /\/api\/marketplace-(?:provider-)?resources\/([^/]+)\/?$/.exec(resourceUrl);
    const fromUrl = m?.[1] ? normalizeUuid(m[1]) : null;
    w.test((rp) => rp.resourceUuid === fromUrl);
  }
  w.contains('name', (rp) => rp.name);
  w.f.check();
  // Ordered by name within a resource, as the agent reads them.
  const rows = w.rows(() => access.resourceProjects.all()).reverse();
  return paginate(ctx.url, ctx.query, rows, (rp) => serializeResourceProject81(ctx, rp));
}

export const listProviderResourceProjects = (ctx: Ctx): ApiResult => listResourceProjects(ctx, true);
export const listConsumerResourceProjects = (ctx: Ctx): ApiResult => listResourceProjects(ctx, false);

export function retrieveProviderResourceProject(ctx: Ctx): ApiResult {
  const scope = lookupScope(ctx, accessOf(ctx), 'resource_project', true);
  return { status: 200, body: serializeResourceProject81(ctx, scope.rp as ResourceProject81) };
}

export function retrieveConsumerResourceProject(ctx: Ctx): ApiResult {
  const scope = lookupScope(ctx, accessOf(ctx), 'resource_project', false);
  return { status: 200, body: serializeResourceProject81(ctx, scope.rp as ResourceProject81) };
}

// ---- list_users ----------------------------------------------------------------------------

const LIST_USERS_ORDER = ['username', 'full_name', 'native_name', 'email', 'expiration_time', 'created', 'role'];

/** The active grants of active users a list_users call returns (consumer resource: with its RPs). */
function scopeGrants(access: AccessState, scope: Scope): Grant81[] {
  if (scope.kind === 'resource' && !scope.provider) return [...access.grants.by('resource', scope.uuid)];
  return [...access.activeGrantsOn(scope.uuid)];
}

function listUsers(kind: ContentType, provider: boolean) {
  return (ctx: Ctx): ApiResult => {
    const access = accessOf(ctx);
    const { store } = ctx;
    const scope = lookupScope(ctx, access, kind, provider);
    if (!canViewTeam(access, ctx.user, scope.resource, scope.offering, scope.uuid, provider)) throw detail(403, MSG.listTeamForbidden);
    const f = new Filters(ctx);
    const w = new Where<Grant81>(f).test((g) => store.accounts.get(g.userUuid) !== undefined && !access.deactivated.has(g.userUuid));
    const account = (g: Grant81): Account => store.accounts.get(g.userUuid) as Account;
    w.uuid('user', (g) => g.userUuid);
    const userUrl = f.text('user_url');
    if (userUrl !== undefined) {
      const m = /\/api\/users\/([^/]+)\/?$/.exec(userUrl);
      const fromUrl = m?.[1] ? normalizeUuid(m[1]) : null;
      w.test((g) => g.userUuid === fromUrl);
    }
    w.exact('username', (g) => account(g).username);
    w.contains('full_name', (g) => fullName(account(g)));
    w.contains('native_name', (g) => fullName(account(g)));
    w.exact('user_slug', (g) => account(g).username);
    const roles = ctx.query.getAll('role').filter(Boolean);
    if (roles.length > 0) {
      w.test((g) => {
        const role = access.roles.get(g.roleUuid);
        return roles.some((r) => normalizeUuid(r) === g.roleUuid || r === role?.name);
      });
    }
    const search = f.text('search_string')?.toLowerCase();
    if (search !== undefined) {
      w.test((g) => {
        const a = account(g);
        return [a.firstName, a.lastName, a.email, a.username].some((s) => s.toLowerCase().includes(search));
      });
    }
    const ordering = f.ordering(LIST_USERS_ORDER);
    f.check();
    const rows = scopeGrants(access, scope).filter(w.keep);
    sortBy(rows, ordering.length > 0 ? ordering : ['created'], (g, field) => {
      const a = account(g);
      switch (field) {
        case 'username':
          return a.username;
        case 'full_name':
        case 'native_name':
          return fullName(a);
        case 'email':
          return a.email;
        case 'expiration_time':
          return g.expirationTime ?? Number.MAX_SAFE_INTEGER;
        case 'role':
          return access.roles.get(g.roleUuid)?.name ?? '';
        default:
          return g.created;
      }
    });
    return paginate(ctx.url, ctx.query, rows, (g) => pickFields(ctx, serializeGrant81(ctx, access, g, provider)));
  };
}

export const listUsersProviderResource = listUsers('resource', true);
export const listUsersConsumerResource = listUsers('resource', false);
export const listUsersProviderRp = listUsers('resource_project', true);
export const listUsersConsumerRp = listUsers('resource_project', false);

// ---- add_user / update_user / delete_user ----------------------------------------------------

type RoleAction = 'add' | 'update' | 'delete';

const PERMISSION: Record<ContentType, Record<RoleAction, string>> = {
  resource: { add: 'RESOURCE.CREATE_PERMISSION', update: 'RESOURCE.UPDATE_PERMISSION', delete: 'RESOURCE.DELETE_PERMISSION' },
  resource_project: {
    add: 'RESOURCE_PROJECT.CREATE_PERMISSION',
    update: 'RESOURCE_PROJECT.UPDATE_PERMISSION',
    delete: 'RESOURCE_PROJECT.DELETE_PERMISSION',
  },
};

/** DRF DateTimeField (ISO 8601, a date alone is midnight UTC); null allowed. */
function parseExpiration(v: FieldValidator, data: Record<string, unknown>): number | null | undefined {
  if (!v.has('expiration_time') || data.expiration_time === null) return null;
  const raw = data.expiration_time;
  const text = typeof raw === 'string' ? raw.trim() : '';
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)
      ? text.replace(' ', 'T') + (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? '' : 'Z')
      : '';
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    v.errors.expiration_time = [
      'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
    ];
    return undefined;
  }
  return parseIsoToMicros(new Date(ms).toISOString());
}

/** `Role.objects.get(uuid=)` or `get(name=)`: several roles of that name raise (500). */
function findRole(access: AccessState, raw: string): Role81 | undefined {
  const hex = normalizeUuid(raw);
  if (hex) {
    const byUuid = access.roles.get(hex);
    if (byUuid) return byUuid;
  }
  const named = [...access.roles.all()].filter((r) => r.name === raw);
  if (named.length > 1) throw htmlError(500, DJANGO_SERVER_ERROR_HTML);
  return named[0];
}

/** `has_user(scope, user, role, expiration_time)`: is an equivalent or longer active grant there? */
function blockingGrant(access: AccessState, scopeUuid: string, userUuid: string, roleUuid: string, expiration: number | null): boolean {
  for (const g of access.activeGrantsOn(scopeUuid)) {
    if (g.userUuid !== userUuid || g.roleUuid !== roleUuid) continue;
    if (g.expirationTime === null) return true;
    if (expiration !== null && g.expirationTime >= expiration) return true;
  }
  return false;
}

/** `UserRole.objects.get(...)` of the active grant: none -> undefined; several -> 500. */
function theGrant(access: AccessState, scopeUuid: string, userUuid: string, roleUuid: string): Grant81 | undefined {
  const found = [...access.activeGrantsOn(scopeUuid)].filter((g) => g.userUuid === userUuid && g.roleUuid === roleUuid);
  if (found.length > 1) throw htmlError(500, DJANGO_SERVER_ERROR_HTML);
  return found[0];
}

function roleAction(kind: ContentType, provider: boolean, action: RoleAction) {
  return async (ctx: Ctx): Promise<ApiResult> => {
    const access = accessOf(ctx);
    const { store } = ctx;
    // 1. The object, as the viewset's queryset and its own checks find it.
    const scope = lookupScope(ctx, access, kind, provider);
    if (kind === 'resource' && scope.offering.state === 'Unavailable') throw listError(MSG.offeringUnavailable);
    if (kind === 'resource_project' && provider && !canUpdateOffering(access, ctx.user, scope.offering)) throw forbidden();

    // 2. Fields.
    const data = requireObject(await ctx.body());
    const v = new FieldValidator(data);
    const roleRaw = v.char('role', { required: true });
    const userUuid = v.uuid('user', { required: true });
    const expiration = action === 'delete' ? null : parseExpiration(v, data);
    let role: Role81 | undefined;
    let target: Account | undefined;
    if (typeof roleRaw === 'string') {
      role = findRole(access, roleRaw);
      if (!role) v.errors.role = [MSG.roleNotFound];
    }
    if (typeof userUuid === 'string') {
      target = store.accounts.get(userUuid);
      if (!target) v.errors.user = [MSG.userNotFound];
    }
    if (typeof expiration === 'number' && expiration <= store.now()) v.errors.expiration_time = [MSG.expirationPast];
    v.throwIfErrors();
    if (!role || !target || expiration === undefined) throw new Error('validated');

    // 3. The consumer customer (blocked or archived customers are not seeded).
    if (!store.customers.get(scope.resource.customerUuid)) throw nonFieldError(MSG.customerNotAvailable);

    // 4. Permission on the consumer customer, else on the scope itself (no hierarchy walk).
    const user = ctx.user;
    if (!user.isStaff) {
      const permission = PERMISSION[kind][action];
      if (!isCustomerOwner(user, scope.resource.customerUuid)) {
        if (!hasGrantOnScope(access, user, scope.uuid, permission)) throw forbidden();
        if (target.uuid === user.uuid) throw nonFieldError(MSG.ownRole);
      }
    }

    const now = store.now();
    if (action === 'add') {
      // 5. add_user only.
      if (access.deactivated.has(target.uuid) && !user.isStaff) throw nonFieldError(MSG.deactivated);
      if (blockingGrant(access, scope.uuid, target.uuid, role.uuid, expiration)) throw nonFieldError(MSG.duplicate);
      if (role.contentType !== kind) throw nonFieldError(MSG.roleInvalidForScope);
      if (!role.isActive) throw nonFieldError(MSG.roleNotActive);
      if (role.offeringUuid !== scope.offering.uuid) throw nonFieldError(MSG.roleNotAvailable);
      access.grants.insert({
        uuid: store.newUuid('grant'),
        userUuid: target.uuid,
        roleUuid: role.uuid,
        scopeType: kind,
        scopeUuid: scope.uuid,
        resourceUuid: scope.resource.uuid,
        expirationTime: expiration,
        isActive: true,
        created: now,
        createdByUuid: user.uuid,
        source: '',
        revokedAt: null,
      });
      return { status: 201, body: { expiration_time: expiration === null ? null : isoOf(expiration) } };
    }
    const grant = theGrant(access, scope.uuid, target.uuid, role.uuid);
    if (action === 'update') {
      // `permissions.utils.update_user` returns False and the view reads `.expiration_time` on it.
      if (!grant) throw htmlError(500, DJANGO_SERVER_ERROR_HTML);
      grant.expirationTime = expiration;
      return { status: 200, body: { expiration_time: expiration === null ? null : isoOf(expiration) } };
    }
    if (grant) access.grants.update(grant, { isActive: false, revokedAt: now });
    return { status: 200 };
  };
}

function isoOf(us: number): string {
  return drfTime(us);
}

export const addUserProviderResource = roleAction('resource', true, 'add');
export const updateUserProviderResource = roleAction('resource', true, 'update');
export const deleteUserProviderResource = roleAction('resource', true, 'delete');
export const addUserConsumerResource = roleAction('resource', false, 'add');
export const updateUserConsumerResource = roleAction('resource', false, 'update');
export const deleteUserConsumerResource = roleAction('resource', false, 'delete');
export const addUserProviderRp = roleAction('resource_project', true, 'add');
export const updateUserProviderRp = roleAction('resource_project', true, 'update');
export const deleteUserProviderRp = roleAction('resource_project', true, 'delete');
export const addUserConsumerRp = roleAction('resource_project', false, 'add');
export const updateUserConsumerRp = roleAction('resource_project', false, 'update');
export const deleteUserConsumerRp = roleAction('resource_project', false, 'delete');

// ---- team_members --------------------------------------------------------------------------

export function teamMembers(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const { store } = ctx;
  const scope = lookupScope(ctx, access, 'resource', false);
  if (!canViewTeam(access, ctx.user, scope.resource, scope.offering, scope.uuid, false)) throw detail(403, MSG.teamMembersForbidden);
  const byUser = new Map<string, Grant81[]>();
  for (const g of access.grants.by('resource', scope.uuid)) {
    if (g.scopeType === 'resource_project' && access.resourceProjects.get(g.scopeUuid)?.isRemoved) continue;
    const list = byUser.get(g.userUuid);
    if (list) list.push(g);
    else byUser.set(g.userUuid, [g]);
  }
  const search = (ctx.query.get('search_string') || ctx.query.get('user_keyword') || '').toLowerCase();
  const users = [...byUser.keys()]
    .map((u) => store.accounts.get(u))
    .filter((a): a is Account => a !== undefined && !access.deactivated.has(a.uuid))
    .filter((a) => !search || [a.firstName, a.lastName, a.email, a.username].some((s) => s.toLowerCase().includes(search)))
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  const sync = isSyncStatusEnabled(scope.offering.pluginOptions);
  return paginate(ctx.url, ctx.query, users, (a) =>
    pickFields(ctx, serializeTeamMember(ctx, access, scope.resource, a, byUser.get(a.uuid) ?? [], sync)),
  );
}

// ---- membership sync ------------------------------------------------------------------------

export async function setMembershipSyncStatuses(ctx: Ctx): Promise<ApiResult> {
  const access = accessOf(ctx);
  const { store } = ctx;
  const scope = lookupScope(ctx, access, 'resource', true);
  // RESOURCE.SET_BACKEND_METADATA on the offering or its customer (the agent's identity).
  if (!canUpdateOffering(access, ctx.user, scope.offering)) throw forbidden();
  if (!isSyncStatusEnabled(scope.offering.pluginOptions)) throw detail(409, MSG.syncDisabled);
  const data = requireObject(await ctx.body());
  if (!('statuses' in data)) throw fieldErrors({ statuses: [MESSAGES.required] });
  if (!Array.isArray(data.statuses)) throw fieldErrors({ statuses: ['Expected a list of items but got type "dict".'] });
  const itemErrors: Array<Record<string, string[]>> = [];
  const parsed: Array<{
    scopeType: ContentType;
    roleName: string;
    state: SyncState;
    username?: string;
    userUuid?: string;
    rpUuid?: string;
    message: string;
  }> = [];
  for (const raw of data.statuses as unknown[]) {
    const errors: Record<string, string[]> = {};
    if (!isRecord(raw)) {
      itemErrors.push({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
      continue;
    }
    const v = new FieldValidator(raw);
    const scopeType = v.char('scope_type', { required: true });
    const roleName = v.char('role_name', { required: true, maxLength: 150 });
    const state = v.char('state', { required: true });
    const username = v.char('username', { allowBlank: true });
    const userUuid = v.uuid('user_uuid', { allowNull: true });
    const rpUuid = v.uuid('resource_project_uuid', { allowNull: true });
    const message = v.char('message', { allowBlank: true, trim: false, default: '' });
    Object.assign(errors, v.errors);
    if (typeof scopeType === 'string' && scopeType !== 'resource' && scopeType !== 'resource_project') {
      errors.scope_type = [`"${scopeType}" is not a valid choice.`];
    }
    if (typeof state === 'string' && !(SYNC_STATES as readonly string[]).includes(state))
      errors.state = [`"${state}" is not a valid choice.`];
    // Open question 2: the exact texts of these two are not known.
    if (!username && !userUuid && Object.keys(errors).length === 0) errors.non_field_errors = ['Either username or user_uuid is required.'];
    if (scopeType === 'resource_project' && !rpUuid && Object.keys(errors).length === 0) {
      errors.resource_project_uuid = ['This field is required for resource_project scope.'];
    }
    itemErrors.push(errors);
    if (Object.keys(errors).length === 0) {
      parsed.push({
        scopeType: scopeType as ContentType,
        roleName: roleName as string,
        state: state as SyncState,
        ...(username ? { username } : {}),
        ...(userUuid ? { userUuid } : {}),
        ...(rpUuid ? { rpUuid } : {}),
        message: typeof message === 'string' ? message : '',
      });
    }
  }
  if (itemErrors.some((e) => Object.keys(e).length > 0)) throw new HttpError(400, { statuses: itemErrors });
  const skipped: string[] = [];
  const entries: ReportEntry[] = [];
  for (const e of parsed) {
    const user =
      (e.userUuid ? store.accounts.get(e.userUuid) : undefined) ?? (e.username ? store.accountByUsername(e.username) : undefined);
    if (!user) {
      skipped.push(e.username ?? e.userUuid ?? '');
      continue;
    }
    let rpUuid: string | null = null;
    if (e.scopeType === 'resource_project') {
      const rp = e.rpUuid ? access.resourceProjects.get(e.rpUuid) : undefined;
      if (!rp || rp.isRemoved || rp.resourceUuid !== scope.resource.uuid) {
        skipped.push(e.rpUuid ?? '');
        continue;
      }
      rpUuid = rp.uuid;
    }
    entries.push({ userUuid: user.uuid, scopeType: e.scopeType, rpUuid, roleName: e.roleName, state: e.state, message: e.message });
  }
  const stored = storeReport(access, scope.resource.uuid, entries, store.now());
  return { status: 200, body: { stored, skipped } };
}

/** `ResourceSyncUserRolesView`: URL regex `[a-f0-9]+`, queryset of all resources. */
export function syncUserRoles(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const { store } = ctx;
  const raw = ctx.param('uuid');
  if (!/^[a-f0-9]+$/.test(raw)) throw htmlError(404, DJANGO_NOT_FOUND_HTML);
  const resource = store.resources.get(raw);
  const offering = resource ? store.offerings.get(resource.offeringUuid) : undefined;
  if (!resource || !offering) throw notFound();
  if (!canUpdateOffering(access, ctx.user, offering)) throw forbidden();
  if (!isSyncStatusEnabled(offering.pluginOptions)) throw detail(409, MSG.syncDisabled);
  const wall = store.clock.wallMs();
  const last = access.syncRequestedAt.get(resource.uuid);
  if (last !== undefined && wall - last < SYNC_REQUEST_TTL_MS) throw detail(429, MSG.syncRecently);
  access.syncRequestedAt.set(resource.uuid, wall);
  return { status: 200 };
}

export function refreshLastSync(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const scope = lookupScope(ctx, access, 'resource', true);
  // RESOURCE.SET_STATE on offering.customer.
  if (!ctx.user.isStaff && !isCustomerOwner(ctx.user, scope.offering.customerUuid)) throw forbidden();
  access.lastSync.set(scope.resource.uuid, ctx.store.now());
  return { status: 200 };
}

// ---- offering roles ------------------------------------------------------------------------

function profileError(access: AccessState, offering: Offering | undefined, verb: 'create' | 'update' | 'delete'): void {
  const profile = offering ? access.profiles.get(offering.uuid) : undefined;
  if (offering && profile) {
    throw listError(`Cannot ${verb} role for offering ${offering.name}: its role catalog is managed by service profile '${profile.name}'.`);
  }
}

export function listOfferingRoles81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const w = new Where<Role81>(new Filters(ctx)).test((r) => r.offeringUuid !== null);
  w.uuid(
    'offering_uuid',
    (r) => r.offeringUuid,
    (v) => access.roles.by('offering', v),
  );
  w.choices('content_type', ['resource', 'resource_project'], (r) => r.contentType ?? '');
  w.exact('name', (r) => r.name);
  w.f.check();
  const rows = w.rows(() => access.roles.all()).reverse();
  return paginate(ctx.url, ctx.query, rows, (r) => serializeRole81(ctx, r));
}

function roleFromParam(ctx: Ctx, access: AccessState): Role81 {
  return getObject(ctx, access.roles, (role) => role.offeringUuid !== null);
}

export function retrieveOfferingRole81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  return { status: 200, body: serializeRole81(ctx, roleFromParam(ctx, access)) };
}

function duplicateName(access: AccessState, offeringUuid: string | null, name: string, except?: string): boolean {
  if (offeringUuid === null) return false;
  for (const r of access.roles.by('offering', offeringUuid)) if (r.name === name && r.uuid !== except) return true;
  return false;
}

export async function createOfferingRole81(ctx: Ctx): Promise<ApiResult> {
  const access = accessOf(ctx);
  const { store } = ctx;
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const name = v.char('name', { required: true, maxLength: 150 });
  const description = v.char('description', { allowBlank: true, default: '' });
  const contentType = v.char('content_type_input');
  const offeringUuid = v.uuid('offering');
  if (typeof contentType === 'string' && contentType !== 'resource' && contentType !== 'resource_project') {
    v.errors.content_type_input = [`"${contentType}" is not a valid choice.`];
  }
  let offering: Offering | undefined;
  if (typeof offeringUuid === 'string') {
    offering = store.offerings.get(offeringUuid);
    if (!offering) v.errors.offering = [MESSAGES.offeringNotFound];
  }
  v.throwIfErrors();
  const user = ctx.user;
  if (offering ? !user.isStaff && !isCustomerOwner(user, offering.customerUuid) : !user.isStaff) throw forbidden();
  profileError(access, offering, 'create');
  if (duplicateName(access, offering?.uuid ?? null, name as string)) throw listError(MSG.duplicateRoleName);
  const role = access.roles.insert({
    uuid: store.newUuid('offering-role'),
    name: name as string,
    description: typeof description === 'string' ? description : '',
    contentType: (contentType as ContentType | undefined) ?? null,
    offeringUuid: offering?.uuid ?? null,
    isActive: true,
    permissions: [],
    created: store.now(),
  });
  return { status: 201, body: serializeRole81(ctx, role) };
}

/** OFFERING.UPDATE on the customer of every offering the role is bound to; unbound: staff only. */
function canChangeRole(ctx: Ctx, role: Role81): Offering | undefined {
  const offering = role.offeringUuid ? ctx.store.offerings.get(role.offeringUuid) : undefined;
  const user = ctx.user;
  if (user.isStaff) return offering;
  if (!offering || !isCustomerOwner(user, offering.customerUuid)) throw forbidden();
  return offering;
}

export async function updateOfferingRole81(ctx: Ctx): Promise<ApiResult> {
  const access = accessOf(ctx);
  const role = roleFromParam(ctx, access);
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data, ctx.method === 'PATCH');
  const name = v.char('name', { required: true, maxLength: 150 });
  const description = v.char('description', { allowBlank: true });
  v.throwIfErrors();
  const offering = canChangeRole(ctx, role);
  profileError(access, offering, 'update');
  if (typeof name === 'string' && duplicateName(access, role.offeringUuid, name, role.uuid)) throw listError(MSG.duplicateRoleName);
  if (typeof name === 'string') role.name = name;
  if (typeof description === 'string') role.description = description;
  return { status: 200, body: serializeRole81(ctx, role) };
}

/** Deletes the role and (CASCADE) every grant of it, active and revoked. */
export function destroyOfferingRole81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const role = roleFromParam(ctx, access);
  const offering = canChangeRole(ctx, role);
  profileError(access, offering, 'delete');
  for (const g of [...access.grants.by('role', role.uuid)]) access.grants.delete(g.uuid);
  access.roles.delete(role.uuid);
  return { status: 204 };
}

// ---- users ---------------------------------------------------------------------------------

/** Staff and support see every user; others see themselves and the people of their organizations and projects. */
export function listUsers81(ctx: Ctx): ApiResult {
  const access = accessOf(ctx);
  const { store } = ctx;
  const me = ctx.user;
  const related = new Set<string>([me.uuid]);
  if (!privileged(me)) {
    const customers = new Set(me.ownerOf);
    const projects = new Set<string>();
    for (const [project, members] of access.projectRoles) if (members.has(me.uuid)) projects.add(project);
    for (const a of store.accounts.all()) if (a.ownerOf.some((c) => customers.has(c))) related.add(a.uuid);
    for (const [project, members] of access.projectRoles) {
      const p = access.projects.get(project);
      if (projects.has(project) || (p && customers.has(p.customerUuid))) for (const m of members.keys()) related.add(m);
    }
  }
  const w = new Where<Account>(new Filters(ctx)).test((a) => privileged(me) || related.has(a.uuid));
  w.exact('username', (a) => a.username);
  w.contains('email', (a) => a.email);
  w.contains('full_name', (a) => fullName(a));
  const q = (w.f.text('query') ?? w.f.text('user_keyword'))?.toLowerCase();
  if (q !== undefined) w.test((a) => [fullName(a), a.username, a.email].some((s) => s.toLowerCase().includes(q)));
  const isActive = w.f.text('is_active');
  if (isActive !== undefined) w.test((a) => !access.deactivated.has(a.uuid) === ['true', 'True', '1'].includes(isActive));
  const ordering = w.f.ordering(['username', 'full_name', 'email', 'is_active', 'is_staff']);
  w.f.check();
  const rows = sortBy(w.rows(() => store.accounts.all()).reverse(), ordering, (a, f) =>
    f === 'full_name' ? fullName(a) : f === 'email' ? a.email : f === 'is_staff' ? Number(a.isStaff) : a.username,
  );
  return paginate(ctx.url, ctx.query, rows, (a) => pickFields(ctx, serializeUser81(ctx, a, !access.deactivated.has(a.uuid))));
}
