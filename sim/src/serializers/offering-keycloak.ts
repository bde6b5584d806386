// waldur_keycloak: offering Keycloak groups and memberships, field for field as Waldur 8.0.5's
// OfferingKeycloakGroupSerializer and OfferingKeycloakMembershipSerializer write them.
import type { Ctx } from '../handlers/context.ts';
import type { OfferingGroup, OfferingMembership } from '../model/types.ts';
import { formatMicros } from '../util/time.ts';
import { urls, type Json } from './urls.ts';

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function serializeGroup(ctx: Ctx, g: OfferingGroup): Json {
  const store = ctx.store;
  const offering = store.offerings.get(g.offeringUuid);
  const role = store.roles.get(g.roleUuid);
  const resource = g.resourceUuid ? store.resources.get(g.resourceUuid) : undefined;
  const out: Json = {
    uuid: g.uuid,
    url: urls.group(ctx, g.uuid),
    name: g.name,
    backend_id: g.backendId,
    offering: urls.offering(ctx, g.offeringUuid),
    offering_uuid: g.offeringUuid,
    offering_name: offering?.name ?? '',
    role: urls.role(ctx, g.roleUuid),
    role_name: role?.name ?? '',
    role_scope_type: role?.scopeType ?? '',
    resource: resource ? urls.resource(ctx, resource.uuid) : null,
  };
  // DRF's ReadOnlyField(source="resource.uuid") is skipped when the resource is null.
  if (resource) out.resource_uuid = resource.uuid;
  out.resource_name = resource ? resource.name : null;
  out.scope_id = g.scopeId;
  out.created = formatMicros(g.created);
  out.modified = formatMicros(g.modified);
  return out;
}

export function serializeMembership(ctx: Ctx, m: OfferingMembership): Json {
  const store = ctx.store;
  const group = store.groups.get(m.groupUuid);
  const role = group ? store.roles.get(group.roleUuid) : undefined;
  const offering = store.offerings.get(m.offeringUuid);
  const resource = group?.resourceUuid ? store.resources.get(group.resourceUuid) : undefined;
  const out: Json = {
    uuid: m.uuid,
    url: urls.membership(ctx, m.uuid),
    username: m.username,
    email: m.email,
    first_name: m.firstName,
    last_name: m.lastName,
    group: urls.group(ctx, m.groupUuid),
    group_name: group?.name ?? '',
    group_role_name: role?.name ?? '',
    group_offering_uuid: m.offeringUuid,
    group_offering_name: offering?.name ?? '',
    group_resource_name: resource ? resource.name : null,
    group_resource_uuid: resource ? resource.uuid : null,
    group_scope_id: group?.scopeId ?? '',
    group_role_scope_type: role?.scopeType ?? '',
    group_role_scope_type_label: role ? role.scopeTypeLabel || capitalize(role.scopeType) : '',
    user: m.accountUuid ? urls.user(ctx, m.accountUuid) : null,
    state: m.state,
    created: formatMicros(m.created),
    modified: formatMicros(m.modified),
    last_checked: formatMicros(m.lastChecked),
    error_message: m.errorMessage,
  };
  if (ctx.user.isStaff) out.error_traceback = m.errorTraceback;
  return out;
}
