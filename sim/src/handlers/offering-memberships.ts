// /api/offering-keycloak-memberships/ (waldur_keycloak OfferingKeycloakMembershipViewSet).
import { requireObject } from '../http/body.ts';
import { forbidden, listError, nonFieldError } from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import type { ApiResult } from '../http/result.ts';
import { isKeycloakEnabled } from '../keycloak/access.ts';
import type { KeycloakScope, OfferingGroup, OfferingMembership, Resource } from '../model/types.ts';
import { serializeMembership } from '../serializers/offering-keycloak.ts';
import type { Ctx } from './context.ts';
import { Filters, getObject, inVisibleOffering, isVisibleOffering, newestFirst, personFilters, Where } from './filters.ts';
import { isKeycloakError } from '../keycloak/admin-api.ts';
import { KeycloakUnavailable, offeringKeycloak } from '../keycloak/access.ts';
import { createGroupWithHierarchy } from '../keycloak/waldur-client.ts';
import {
  clip,
  deleteMembershipWithSideEffects,
  keycloakGroupName,
  newMembershipFields,
  readMembershipPerson,
} from './offering-keycloak-shared.ts';

function availableScopes(resource: Resource): KeycloakScope[] {
  const scopes = resource.options.keycloak_available_scopes;
  return Array.isArray(scopes) ? (scopes as KeycloakScope[]) : [];
}

function getMembership(ctx: Ctx): OfferingMembership {
  return getObject(ctx, ctx.store.memberships, (m) => isVisibleOffering(ctx, m.offeringUuid));
}

export function listMemberships(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const w = new Where<OfferingMembership>(new Filters(ctx));
  w.uuid(
    'group_uuid',
    (m) => m.groupUuid,
    (v) => store.memberships.by('group', v),
  );
  w.uuid(
    'offering_uuid',
    (m) => m.offeringUuid,
    (v) => store.memberships.by('offering', v),
  );
  // Role / resource filters: the set of matching groups, then a set lookup per membership.
  const groupWhere = new Where<OfferingGroup>(w.f);
  const roleUuid = groupWhere.uuid('role_uuid', (g) => g.roleUuid);
  const resourceUuid = groupWhere.uuid('resource_uuid', (g) => g.resourceUuid);
  personFilters(w);
  w.f.check();
  if (roleUuid !== undefined || resourceUuid !== undefined) {
    const groups = roleUuid !== undefined ? store.groups.by('role', roleUuid) : store.groups.all();
    const groupSet = new Set(newestFirst(groups, groupWhere.keep).map((g) => g.uuid));
    w.test((m) => groupSet.has(m.groupUuid));
  }
  w.test(inVisibleOffering(ctx));
  return w.page(ctx, store.memberships, serializeMembership);
}

export function retrieveMembership(ctx: Ctx): ApiResult {
  return { status: 200, body: serializeMembership(ctx, getMembership(ctx)) };
}

export async function destroyMembership(ctx: Ctx): Promise<ApiResult> {
  const m = getMembership(ctx);
  const offering = ctx.store.offerings.get(m.offeringUuid);
  if (!offering || !ctx.store.canManageOffering(ctx.user, offering)) throw forbidden();
  await deleteMembershipWithSideEffects(ctx.core, m);
  return { status: 204 };
}

export async function createMembership(ctx: Ctx): Promise<ApiResult> {
  const { store } = ctx;
  const data = requireObject(await ctx.body());
  const v = new FieldValidator(data);
  const { username, email } = readMembershipPerson(v);
  const offeringUuid = v.hyperlink('offering', 'marketplace-provider-offerings', (u) => store.offerings.get(u) !== undefined, {
    required: true,
  });
  const roleUuid = v.hyperlink('role', 'marketplace-offering-user-roles', (u) => store.roles.get(u) !== undefined, {
    required: true,
  });
  const resourceUuid = v.hyperlink('resource', 'marketplace-resources', (u) => store.resources.get(u) !== undefined, {
    allowNull: true,
  });
  const scopeId = v.char('scope_id', { allowBlank: true, default: '', maxLength: 255 }) ?? '';
  const accountUuid = v.hyperlink('user', 'users', (u) => store.accounts.get(u) !== undefined, { allowNull: true });
  v.throwIfErrors();

  const offering = store.offerings.get(offeringUuid ?? '');
  const role = store.roles.get(roleUuid ?? '');
  const resource = resourceUuid ? store.resources.get(resourceUuid) : undefined;
  if (!offering || !role || typeof username !== 'string' || typeof email !== 'string') throw new Error('validated');

  // serializer.validate()
  if (!isKeycloakEnabled(offering)) throw nonFieldError('Keycloak integration is not enabled for this offering.');
  if (resource && resource.offeringUuid !== offering.uuid) {
    throw nonFieldError('The resource does not belong to the specified offering.');
  }
  if (role.offeringUuid !== offering.uuid) throw nonFieldError('The role is not available for this offering.');
  // A scope ID must be one of the resource's configured scope options of the role's scope type.
  if (resource && scopeId !== '' && !availableScopes(resource).some((s) => s.scope_id === scopeId && s.scope_type === role.scopeType)) {
    throw nonFieldError(`The scope ID '${scopeId}' is not configured for scope type '${role.scopeType}' on this resource.`);
  }
  const resourceId = resource?.uuid ?? null;
  let group: OfferingGroup | undefined;
  for (const g of store.groupsWithScope({ offeringUuid: offering.uuid, roleUuid: role.uuid, resourceUuid: resourceId, scopeId })) group = g;
  if (group) {
    for (const m of store.memberships.by('group', group.uuid)) {
      if (m.username === username) throw nonFieldError('This keycloak membership already exists.');
    }
  }

  // perform_create(): permission after validation, then Keycloak, all in one transaction.
  if (!store.canManageOffering(ctx.user, offering)) throw forbidden();
  const now = store.now();
  const groupName = group?.name ?? keycloakGroupName(store, offering, role, resource, scopeId);
  const membership: OfferingMembership = {
    uuid: '',
    ...newMembershipFields(username, email, now),
    groupUuid: '',
    offeringUuid: offering.uuid,
    accountUuid: accountUuid ?? null,
  };
  // All in one transaction: on a Keycloak error nothing local is kept (remote changes are).
  let backendId = group?.backendId ?? '';
  try {
    const keycloak = await offeringKeycloak(ctx.keycloak, ctx.faults, offering);
    if (!backendId) backendId = (await createGroupWithHierarchy(keycloak, offering, groupName)).id;
    // find_user_by_username: the first user Keycloak returns for ?username= (a substring match).
    const remoteUser = await keycloak.findUserByUsername(username);
    if (remoteUser) {
      await keycloak.addUserToGroup(remoteUser.id, backendId);
      membership.firstName = clip(remoteUser.firstName ?? '', 100);
      membership.lastName = clip(remoteUser.lastName ?? '', 100);
      membership.state = 'active';
    }
  } catch (err) {
    if (err instanceof KeycloakUnavailable || isKeycloakError(err)) throw listError('Unable to add a user to the Keycloak group.');
    throw err;
  }
  if (!group) {
    group = {
      uuid: store.newUuid('group'),
      name: clip(groupName, 150),
      backendId,
      offeringUuid: offering.uuid,
      roleUuid: role.uuid,
      resourceUuid: resourceId,
      scopeId,
      created: now,
      modified: now,
    };
    store.groups.insert(group);
  } else if (group.backendId !== backendId) {
    store.groups.update(group, { backendId, modified: now });
  }
  membership.uuid = store.newUuid('membership');
  membership.groupUuid = group.uuid;
  store.memberships.insert(membership);
  const body = serializeMembership(ctx, membership);
  // DRF's CreateModelMixin points Location at the new object.
  return { status: 201, body, headers: { Location: String(body.url) } };
}
