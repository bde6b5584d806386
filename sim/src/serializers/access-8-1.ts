// Response bodies of Waldur 8.1.3 (shapes of src/api/openapi-8.1.yaml, from waldur-api-client 8.1.3).
import type { Ctx } from '../handlers/context.ts';
import type { JsonValue } from '../http/errors.ts';
import type { AccessState, Grant81, ResourceProject81, Role81 } from '../model/access-8-1.ts';
import { syncKey } from '../model/access-8-1.ts';
import type { Account, Offering, Resource } from '../model/types.ts';
import { formatMicros } from '../util/time.ts';
import type { Micros } from '../util/time.ts';
import { urls, type Json } from './urls.ts';

/**
 * DRF's rendering of a datetime (`isoformat()`, "+00:00" as "Z"): no fraction when the
 * microseconds are zero, as for an expiration time sent as "2027-03-01".
 */
export function drfTime(us: Micros): string {
  const text = formatMicros(us);
  return us % 1_000_000 === 0 ? `${text.slice(0, 19)}Z` : text;
}

const time = (us: Micros | null | undefined): string | null => (us === null || us === undefined ? null : drfTime(us));

export function fullName(a: Account): string {
  return `${a.firstName} ${a.lastName}`.trim();
}

/** `plugin_options` as Waldur merges them: the sync switches always present. */
export function pluginOptions81(offering: Offering): Json {
  return {
    ...(offering.pluginOptions as Json),
    enable_resource_projects: offering.pluginOptions.enable_resource_projects === true,
    enable_membership_sync_status: offering.pluginOptions.enable_membership_sync_status === true,
  };
}

export function serializeOffering81(ctx: Ctx, access: AccessState, o: Offering): Json {
  const customer = ctx.store.customers.get(o.customerUuid);
  const profile = access.profiles.get(o.uuid);
  return {
    url: urls.offering(ctx, o.uuid),
    uuid: o.uuid,
    created: formatMicros(o.created),
    name: o.name,
    slug: o.slug,
    description: o.description,
    customer: urls.customer(ctx, o.customerUuid),
    customer_uuid: o.customerUuid,
    customer_name: customer?.name ?? '',
    plugin_options: pluginOptions81(o),
    state: o.state,
    type: o.type,
    backend_id: '',
    profile_uuid: profile?.uuid ?? null,
    profile_name: profile?.name ?? null,
  };
}

export function serializeResource81(ctx: Ctx, access: AccessState, r: Resource): Json {
  const { store } = ctx;
  const offering = store.offerings.get(r.offeringUuid);
  const provider = offering ? store.customers.get(offering.customerUuid) : undefined;
  const customer = store.customers.get(r.customerUuid);
  const project = access.projects.get(r.projectUuid);
  return {
    offering: ctx.abs(`/api/marketplace-public-offerings/${r.offeringUuid}/`),
    offering_name: offering?.name ?? '',
    offering_uuid: r.offeringUuid,
    offering_type: offering?.type ?? '',
    offering_plugin_options: offering ? pluginOptions81(offering) : {},
    provider_name: provider?.name ?? '',
    provider_uuid: provider?.uuid ?? '',
    provider_slug: provider?.slug ?? '',
    uuid: r.uuid,
    created: formatMicros(r.created),
    modified: formatMicros(r.modified),
    url: urls.resource(ctx, r.uuid),
    state: r.state,
    backend_id: r.backendId,
    project: urls.project(ctx, r.projectUuid),
    project_uuid: r.projectUuid,
    project_name: r.projectName,
    customer_uuid: r.customerUuid,
    customer_name: customer?.name ?? '',
    offering_slug: offering?.slug ?? '',
    name: r.name,
    slug: r.slug,
    restrict_member_access: access.restrictMemberAccess.has(r.uuid),
    last_sync: time(access.lastSync.get(r.uuid)),
    project_slug: project?.slug ?? '',
    customer_slug: customer?.slug ?? '',
  };
}

export function serializeRole81(ctx: Ctx, r: Role81): Json {
  const offering = r.offeringUuid ? ctx.store.offerings.get(r.offeringUuid) : undefined;
  return {
    uuid: r.uuid,
    name: r.name,
    description: r.description,
    content_type: r.contentType,
    offering_uuid: offering?.uuid ?? null,
    offering_name: offering?.name ?? null,
    is_active: r.isActive,
    permissions: r.permissions,
  };
}

export function serializeResourceProject81(ctx: Ctx, rp: ResourceProject81): Json {
  const resource = ctx.store.resources.get(rp.resourceUuid);
  return {
    uuid: rp.uuid,
    resource: rp.resourceUuid,
    resource_uuid: rp.resourceUuid,
    resource_name: resource?.name ?? '',
    name: rp.name,
    description: rp.description,
    backend_id: rp.backendId,
    state: rp.state,
    error_message: rp.errorMessage,
    limits: {},
    current_usages: {},
    created: formatMicros(rp.created),
    modified: formatMicros(rp.modified),
    is_removed: rp.isRemoved,
    removed_date: null,
    removed_by: null,
    removed_by_username: null,
    created_by_username: rp.createdByUsername,
    termination_metadata: null,
  };
}

/** A `list_users` row (`UserRoleDetails`; the provider viewsets add the exposed user attributes). */
export function serializeGrant81(ctx: Ctx, access: AccessState, g: Grant81, provider: boolean): Json {
  const user = ctx.store.accounts.get(g.userUuid);
  const role = access.roles.get(g.roleUuid);
  const creator = g.createdByUuid ? ctx.store.accounts.get(g.createdByUuid) : undefined;
  const row: Json = {
    uuid: g.uuid,
    created: formatMicros(g.created),
    expiration_time: time(g.expirationTime),
    role_name: role?.name ?? '',
    role_uuid: g.roleUuid,
    user_email: user?.email ?? '',
    user_full_name: user ? fullName(user) : '',
    user_username: user?.username ?? '',
    user_uuid: g.userUuid,
    user_image: null,
    created_by_full_name: creator ? fullName(creator) : null,
    created_by_uuid: creator?.uuid ?? null,
    source: g.source,
  };
  if (provider) {
    // Exposed user attributes; the seed has no attribute exposure configured beyond the basics.
    row.user_organization = '';
    row.user_affiliations = [];
  }
  return row;
}

export function serializeUser81(ctx: Ctx, a: Account, active: boolean): Json {
  return {
    url: urls.user(ctx, a.uuid),
    uuid: a.uuid,
    username: a.username,
    full_name: fullName(a),
    email: a.email,
    is_staff: a.isStaff,
    is_active: active,
    is_support: a.isSupport,
    first_name: a.firstName,
    last_name: a.lastName,
    image: null,
  };
}

/** The `sync_*` keys of a team_members entry (only when the offering has sync status on). */
function syncFields(access: AccessState, resourceUuid: string, key: string): Json {
  const row = access.syncRows.get(resourceUuid)?.get(key);
  if (!row) return { sync_state: null, sync_message: null, sync_reported_at: null };
  return {
    sync_state: row.state,
    sync_message: row.message,
    sync_reported_at: time(access.syncReportedAt.get(resourceUuid) ?? row.modified),
  };
}

/** One `ResourceTeamMember` row: the user's grants on the resource and its resource projects. */
export function serializeTeamMember(
  ctx: Ctx,
  access: AccessState,
  resource: Resource,
  user: Account,
  grants: Grant81[],
  sync: boolean,
): Json {
  const roles: JsonValue[] = [];
  const rps: JsonValue[] = [];
  for (const g of grants) {
    const role = access.roles.get(g.roleUuid);
    const roleName = role?.name ?? '';
    if (g.scopeType === 'resource') {
      roles.push({
        role_name: roleName,
        role_uuid: g.roleUuid,
        expiration_time: time(g.expirationTime),
        ...(sync ? syncFields(access, resource.uuid, syncKey(user.uuid, 'resource', null, roleName)) : {}),
      });
    } else {
      const rp = access.resourceProjects.get(g.scopeUuid);
      rps.push({
        url: ctx.abs(`/api/marketplace-resource-projects/${g.scopeUuid}/`),
        uuid: g.scopeUuid,
        name: rp?.name ?? '',
        role_name: roleName,
        role_uuid: g.roleUuid,
        expiration_time: time(g.expirationTime),
        ...(sync ? syncFields(access, resource.uuid, syncKey(user.uuid, 'resource_project', g.scopeUuid, roleName)) : {}),
      });
    }
  }
  const direct = grants.find((g) => g.scopeType === 'resource');
  return {
    url: urls.user(ctx, user.uuid),
    uuid: user.uuid,
    username: user.username,
    full_name: fullName(user),
    email: user.email,
    image: null,
    role_name: direct ? (access.roles.get(direct.roleUuid)?.name ?? null) : null,
    role_uuid: direct ? direct.roleUuid : null,
    roles,
    expiration_time: direct ? time(direct.expirationTime) : null,
    resource_projects: rps,
  };
}
