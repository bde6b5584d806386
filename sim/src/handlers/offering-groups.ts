// /api/offering-keycloak-groups/ (waldur_keycloak OfferingKeycloakGroupViewSet).
import { requireObject } from '../http/body.ts';
import { fieldError, fieldErrors, forbidden, listError, nonFieldError, proxyError } from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import type { ApiResult } from '../http/result.ts';
import type { OfferingGroup, OfferingMembership } from '../model/types.ts';
import { serializeGroup } from '../serializers/offering-keycloak.ts';
import type { Ctx } from './context.ts';
import { Filters, getObject, inVisibleOffering, isVisibleOffering, Where } from './filters.ts';
import type { UserRepresentation } from '../keycloak/admin-api.ts';
import { offeringGroupsFromRemote } from '../keycloak/waldur-client.ts';
import { clip, deleteGroupWithSideEffects, keycloakCall, offeringForAction } from './offering-keycloak-shared.ts';

const GROUP_NAME_MAX = 150;

/** `self.get_object()`: 404 for unknown, malformed or invisible uuids. */
function getGroup(ctx: Ctx): OfferingGroup {
  return getObject(ctx, ctx.store.groups, (group) => isVisibleOffering(ctx, group.offeringUuid));
}

function checkManage(ctx: Ctx, group: OfferingGroup): void {
  const offering = ctx.store.offerings.get(group.offeringUuid);
  if (!offering || !ctx.store.canManageOffering(ctx.user, offering)) throw forbidden();
}

export function listGroups(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const w = new Where<OfferingGroup>(new Filters(ctx));
  w.uuid(
    'offering_uuid',
    (g) => g.offeringUuid,
    (v) => store.groups.by('offering', v),
  );
  w.uuid(
    'role_uuid',
    (g) => g.roleUuid,
    (v) => store.groups.by('role', v),
  );
  w.uuid('resource_uuid', (g) => g.resourceUuid);
  w.f.check();
  w.test(inVisibleOffering(ctx));
  return w.page(ctx, store.groups, serializeGroup);
}

export function retrieveGroup(ctx: Ctx): ApiResult {
  return { status: 200, body: serializeGroup(ctx, getGroup(ctx)) };
}

export async function destroyGroup(ctx: Ctx): Promise<ApiResult> {
  const group = getGroup(ctx);
  checkManage(ctx, group);
  await deleteGroupWithSideEffects(ctx.core, group);
  return { status: 204 };
}

/** Waldur's row for a Keycloak user: missing values are "". */
function userRow(u: UserRepresentation): Record<string, string> {
  return { id: u.id, username: u.username ?? '', email: u.email ?? '', first_name: u.firstName ?? '', last_name: u.lastName ?? '' };
}

export async function testConnection(ctx: Ctx): Promise<ApiResult> {
  const offering = await offeringForAction(ctx);
  const groups = await keycloakCall(ctx, offering, (keycloak) => keycloak.listGroups());
  if (!groups) throw proxyError('Unable to connect to Keycloak.', true);
  const names = groups.map((g) => g.name ?? '');
  return { status: 200, body: { status: 'ok', groups_count: groups.length, groups: names } };
}

export async function remoteGroups(ctx: Ctx): Promise<ApiResult> {
  const offering = await offeringForAction(ctx);
  const groups = await keycloakCall(ctx, offering, (keycloak) => offeringGroupsFromRemote(keycloak, offering));
  if (!groups) throw proxyError('Unable to list remote Keycloak groups.');
  const body = groups.map((g) => ({ id: g.id, name: g.name, path: g.path ?? '', sub_group_count: g.subGroups?.length ?? 0 }));
  return { status: 200, body };
}

/** A Keycloak user as the remote member and search endpoints show it. */
export async function remoteGroupMembers(ctx: Ctx): Promise<ApiResult> {
  const offering = await offeringForAction(ctx);
  const groupId = ctx.query.get('group_id');
  if (!groupId) throw fieldError('group_id', 'This field is required.');
  const members = await keycloakCall(ctx, offering, (keycloak) => keycloak.listGroupMembers(groupId));
  if (!members) throw proxyError('Unable to list remote group members.');
  return { status: 200, body: members.map(userRow) };
}

export async function searchRemoteUsers(ctx: Ctx): Promise<ApiResult> {
  const offering = await offeringForAction(ctx);
  const q = (ctx.query.get('q') ?? '').trim();
  if (!q) throw fieldError('q', 'This field is required.');
  const users = await keycloakCall(ctx, offering, (keycloak) => keycloak.searchUsers(q));
  if (!users) throw proxyError('Unable to search remote users.');
  return { status: 200, body: users.map(userRow) };
}

/** Matching is by remote id only; lists hold names, which may repeat. */
export async function syncStatus(ctx: Ctx): Promise<ApiResult> {
  const offering = await offeringForAction(ctx);
  const groups = await keycloakCall(ctx, offering, (keycloak) => offeringGroupsFromRemote(keycloak, offering));
  if (!groups) throw proxyError('Unable to retrieve sync status from Keycloak.');
  const remoteMap = new Map<string, string>();
  for (const g of groups) remoteMap.set(g.id, g.name);
  const localMap = new Map<string, string>();
  const localWithout: string[] = [];
  for (const g of ctx.store.groups.by('offering', offering.uuid)) {
    if (g.backendId) localMap.set(g.backendId, g.name);
    else localWithout.push(g.name);
  }
  const synced = [];
  const remoteOnly: string[] = [];
  for (const [id, name] of remoteMap) {
    const local = localMap.get(id);
    if (local !== undefined) synced.push({ local_name: local, remote_name: name, backend_id: id });
    else remoteOnly.push(name);
  }
  const localOnly: string[] = [];
  for (const [id, name] of localMap) if (!remoteMap.has(id)) localOnly.push(name);
  localOnly.push(...localWithout);
  return { status: 200, body: { local_only: localOnly, remote_only: remoteOnly, synced } };
}

export async function importRemote(ctx: Ctx): Promise<ApiResult> {
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  v.uuid('offering_uuid', { required: true });
  const roleUuid = v.uuid('role_uuid', { required: true });
  const remoteGroupId = v.char('remote_group_id', { required: true });
  const resourceUuid = v.uuid('resource_uuid', { allowNull: true });
  const scopeId = v.char('scope_id', { allowBlank: true, default: '', maxLength: 255 }) ?? '';
  v.throwIfErrors();

  const offering = await offeringForAction(ctx);
  const { store } = ctx;
  const role = roleUuid ? store.roles.get(roleUuid) : undefined;
  if (!role || role.offeringUuid !== offering.uuid) throw fieldError('role_uuid', 'Role not found for this offering.');
  let resourceId: string | null = null;
  if (resourceUuid) {
    const resource = store.resources.get(resourceUuid);
    if (!resource || resource.offeringUuid !== offering.uuid) {
      throw fieldError('resource_uuid', 'Resource not found for this offering.');
    }
    resourceId = resource.uuid;
  }
  // python-keycloak's get_group raises on Keycloak's 404, so an unknown id gets the same
  // message as an unreachable Keycloak (the view's "not found" branch is never reached).
  const remote = await keycloakCall(ctx, offering, (keycloak) => keycloak.getGroup(String(remoteGroupId)));
  if (!remote) throw fieldError('remote_group_id', 'Unable to fetch remote group from Keycloak.');
  if (store.groupsLinkedTo(offering.uuid, remote.id).length > 0) {
    throw listError('A local group already exists for this remote Keycloak group.');
  }
  if (store.groupsWithScope({ offeringUuid: offering.uuid, roleUuid: role.uuid, resourceUuid: resourceId, scopeId }).size > 0) {
    // The database's unique (offering, role, resource, scope_id) constraint.
    throw nonFieldError('The fields offering, role, resource, scope_id must make a unique set.');
  }
  if ([...remote.name].length > GROUP_NAME_MAX) {
    throw fieldErrors({ name: [`Ensure this field has no more than ${GROUP_NAME_MAX} characters.`] });
  }
  const now = store.now();
  const group: OfferingGroup = {
    uuid: store.newUuid('group'),
    name: remote.name,
    backendId: remote.id,
    offeringUuid: offering.uuid,
    roleUuid: role.uuid,
    resourceUuid: resourceId,
    scopeId,
    created: now,
    modified: now,
  };
  store.groups.insert(group);
  return { status: 201, body: serializeGroup(ctx, group) };
}

export async function setBackendId(ctx: Ctx): Promise<ApiResult> {
  const group = getGroup(ctx);
  checkManage(ctx, group);
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const backendId = v.char('backend_id', { allowNull: true, allowBlank: true });
  const resourceUuid = v.uuid('resource_uuid', { allowNull: true });
  const scopeId = v.char('scope_id', { allowBlank: true, default: '', maxLength: 255 }) ?? '';
  v.throwIfErrors();
  const { store } = ctx;
  const offering = store.offerings.get(group.offeringUuid);
  const newBackendId = backendId ?? '';
  if (newBackendId) {
    // An unknown id raises in python-keycloak like an unreachable server: one message for both.
    const remote = offering ? await keycloakCall(ctx, offering, (keycloak) => keycloak.getGroup(newBackendId)) : null;
    if (!remote) throw fieldError('backend_id', 'Unable to verify remote group in Keycloak.');
  }
  let resourceId = group.resourceUuid;
  if (resourceUuid) {
    const resource = store.resources.get(resourceUuid);
    if (!resource || resource.offeringUuid !== group.offeringUuid) {
      throw fieldError('resource_uuid', 'Resource not found for this offering.');
    }
    resourceId = resource.uuid;
  } else if (resourceUuid === null) {
    resourceId = null;
  }
  const sameScope = store.groupsWithScope({
    offeringUuid: group.offeringUuid,
    roleUuid: group.roleUuid,
    resourceUuid: resourceId,
    scopeId,
  });
  if ([...sameScope].some((g) => g !== group)) {
    throw nonFieldError('The fields offering, role, resource, scope_id must make a unique set.');
  }
  store.groups.update(group, { backendId: newBackendId, resourceUuid: resourceId, scopeId, modified: store.now() });
  return { status: 200, body: serializeGroup(ctx, group) };
}

/** Creates missing local memberships (active), updates names/emails, activates pending ones. */
export async function pullMembers(ctx: Ctx): Promise<ApiResult> {
  const group = getGroup(ctx);
  checkManage(ctx, group);
  if (!group.backendId) {
    throw listError('Group is not linked to a remote Keycloak group. Remap it first to set a backend ID.');
  }
  const { store } = ctx;
  const offering = store.offerings.get(group.offeringUuid);
  const backendId = group.backendId;
  const remoteMembers = offering ? await keycloakCall(ctx, offering, (keycloak) => keycloak.listGroupMembers(backendId)) : null;
  if (!remoteMembers) throw listError('Unable to fetch members from Keycloak.');
  const local = new Map<string, OfferingMembership>();
  for (const m of store.memberships.by('group', group.uuid)) local.set(m.username, m);
  let created = 0;
  let updated = 0;
  for (const member of remoteMembers) {
    if (!member.username) continue;
    const existing = local.get(member.username);
    const now = store.now();
    if (!existing) {
      const m: OfferingMembership = {
        uuid: store.newUuid('membership'),
        username: member.username,
        email: member.email ?? '',
        firstName: clip(member.firstName ?? '', 100),
        lastName: clip(member.lastName ?? '', 100),
        groupUuid: group.uuid,
        offeringUuid: group.offeringUuid,
        accountUuid: null,
        state: 'active',
        created: now,
        modified: now,
        lastChecked: now,
        errorMessage: '',
        errorTraceback: '',
      };
      store.memberships.insert(m);
      local.set(m.username, m);
      created += 1;
      continue;
    }
    let changed = false;
    const incoming = {
      email: member.email ?? '',
      firstName: clip(member.firstName ?? '', 100),
      lastName: clip(member.lastName ?? '', 100),
    };
    for (const key of ['email', 'firstName', 'lastName'] as const) {
      if (incoming[key] && existing[key] !== incoming[key]) {
        existing[key] = incoming[key];
        changed = true;
      }
    }
    if (existing.state === 'pending') {
      existing.state = 'active';
      changed = true;
    }
    if (changed) {
      existing.modified = now;
      updated += 1;
    }
  }
  return { status: 200, body: { created, updated, total_remote: remoteMembers.length } };
}
