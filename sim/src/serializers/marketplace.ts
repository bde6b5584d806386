// Model -> JSON, field for field as Waldur's serializers write them.
import type { JsonValue } from './http/errors.ts';
import type { Ctx } from './handlers/context.ts';
import type { Store } from './model/store.ts';
import type {
  Account,
  Offering,
  OfferingGroup,
  OfferingMembership,
  OfferingRole,
  RancherCluster,
  RancherGroup,
  RancherMembership,
  RancherProject,
  Resource,
  RoleTemplate,
} from './model/types.ts';
import { formatMicros } from './util/time.ts';
import { tokenOf } from './auth.ts';
import { slugify } from './handlers/offering-keycloak-shared.ts';

type Json = { [key: string]: JsonValue };

export const urls = {
  offering: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-provider-offerings/${uuid}/`),
  role: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-offering-user-roles/${uuid}/`),
  resource: (ctx: Ctx, uuid: string) => ctx.abs(`/api/marketplace-resources/${uuid}/`),
  customer: (ctx: Ctx, uuid: string) => ctx.abs(`/api/customers/${uuid}/`),
  project: (ctx: Ctx, uuid: string) => ctx.abs(`/api/projects/${uuid}/`),
  user: (ctx: Ctx, uuid: string) => ctx.abs(`/api/users/${uuid}/`),
  group: (ctx: Ctx, uuid: string) => ctx.abs(`/api/offering-keycloak-groups/${uuid}/`),
  membership: (ctx: Ctx, uuid: string) => ctx.abs(`/api/offering-keycloak-memberships/${uuid}/`),
  settings: (ctx: Ctx, uuid: string) => ctx.abs(`/api/service-settings/${uuid}/`),
  cluster: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-clusters/${uuid}/`),
  rancherProject: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-projects/${uuid}/`),
  roleTemplate: (ctx: Ctx, uuid: string) => ctx.abs(`/api/rancher-role-templates/${uuid}/`),
  rancherGroup: (ctx: Ctx, uuid: string) => ctx.abs(`/api/keycloak-groups/${uuid}/`),
  rancherMembership: (ctx: Ctx, uuid: string) => ctx.abs(`/api/keycloak-user-group-memberships/${uuid}/`),
};

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function serializeMe(ctx: Ctx, account: Account): Json {
  const store = ctx.store;
  const token = tokenOf(ctx.core, account);
  const lifetime = account.tokenLifetime;
  const permissions: JsonValue[] = account.ownerOf.map((customerUuid) => {
    const customer = store.customers.get(customerUuid);
    return {
      user_uuid: account.uuid,
      user_name: `${account.firstName} ${account.lastName}`,
      user_slug: account.username,
      created: formatMicros(account.created),
      expiration_time: null,
      created_by_full_name: '',
      created_by_username: '',
      role_name: 'CUSTOMER.OWNER',
      role_description: 'Organization owner',
      role_uuid: 'a3f9c1e2b4d54e6f8a7b9c0d1e2f3a4b',
      scope_type: 'customer',
      scope_uuid: customerUuid,
      scope_name: customer?.name ?? '',
      customer_uuid: customerUuid,
      customer_name: customer?.name ?? '',
    };
  });
  return {
    url: urls.user(ctx, account.uuid),
    uuid: account.uuid,
    username: account.username,
    slug: account.username,
    full_name: `${account.firstName} ${account.lastName}`,
    first_name: account.firstName,
    last_name: account.lastName,
    native_name: '',
    job_title: '',
    email: account.email,
    phone_number: '',
    organization: '',
    civil_number: null,
    description: '',
    is_staff: account.isStaff,
    is_active: true,
    is_support: account.isSupport,
    token: token?.key ?? '',
    token_lifetime: lifetime,
    token_expires_at: token && lifetime !== null ? formatMicros((token.lastUsed + lifetime * 1000) * 1000) : null,
    registration_method: 'default',
    date_joined: formatMicros(account.created),
    agreement_date: formatMicros(account.created),
    notifications_enabled: true,
    preferred_language: 'en',
    permissions,
    requested_email: null,
    identity_provider_name: '',
    identity_provider_label: '',
    identity_provider_management_url: '',
    identity_provider_fields: [],
    image: null,
    identity_source: '',
    has_active_session: true,
    ip_address: null,
  };
}

export function serializeOffering(ctx: Ctx, o: Offering): Json {
  const store = ctx.store;
  const customer = store.customers.get(o.customerUuid);
  const roles = [...store.roles.by('offering', o.uuid)].map((r) => ({
    uuid: r.uuid,
    name: r.name,
    url: urls.role(ctx, r.uuid),
  }));
  const out: Json = {
    url: urls.offering(ctx, o.uuid),
    uuid: o.uuid,
    created: formatMicros(o.created),
    name: o.name,
    slug: o.slug,
    description: o.description,
    full_description: '',
    customer: urls.customer(ctx, o.customerUuid),
    customer_uuid: o.customerUuid,
    customer_name: customer?.name ?? null,
    project: null,
    project_uuid: null,
    project_name: null,
    category_title: 'Compute',
    attributes: {},
    options: { order: [], options: {} },
    resource_options: { order: [], options: {} },
    components: [],
    plugin_options: o.pluginOptions as JsonValue,
    state: o.state,
    type: o.type,
    shared: true,
    billable: true,
    roles,
    plans: [],
    screenshots: [],
    files: [],
    quotas: [],
    tags: [],
    organization_groups: [],
    endpoints: [],
    software_catalogs: [],
    partitions: [],
    backend_id: '',
    image: null,
    thumbnail: null,
    parent_uuid: null,
    parent_name: null,
    parent_description: null,
    scope_uuid: null,
    scope_name: null,
    scope_state: null,
    scope_error_message: null,
    paused_reason: '',
    country: '',
    latitude: null,
    longitude: null,
  };
  if (store.canManageOffering(ctx.user, o)) out.secret_options = o.secretOptions as JsonValue;
  return out;
}

/** Waldur 8.0.5's OfferingUserRoleSerializer: no `url` (the offering's nested roles have one). */
export function serializeRole(ctx: Ctx, r: OfferingRole): Json {
  const offering = ctx.store.offerings.get(r.offeringUuid);
  return {
    uuid: r.uuid,
    name: r.name,
    offering: urls.offering(ctx, r.offeringUuid),
    offering_uuid: r.offeringUuid,
    offering_name: offering?.name ?? '',
    scope_type: r.scopeType,
    scope_type_label: r.scopeTypeLabel,
  };
}

export function serializeResource(ctx: Ctx, r: Resource): Json {
  const store = ctx.store;
  const offering = store.offerings.get(r.offeringUuid);
  const customer = store.customers.get(r.customerUuid);
  const provider = offering ? store.customers.get(offering.customerUuid) : undefined;
  return {
    url: urls.resource(ctx, r.uuid),
    uuid: r.uuid,
    name: r.name,
    slug: r.slug,
    created: formatMicros(r.created),
    modified: formatMicros(r.modified),
    state: r.state,
    backend_id: r.backendId,
    offering: urls.offering(ctx, r.offeringUuid),
    offering_uuid: r.offeringUuid,
    offering_name: offering?.name ?? '',
    offering_type: offering?.type ?? '',
    offering_slug: offering?.slug ?? '',
    offering_plugin_options: (offering?.pluginOptions ?? {}) as JsonValue,
    offering_state: offering?.state ?? 'Active',
    provider_uuid: offering?.customerUuid ?? '',
    provider_name: provider?.name ?? '',
    provider_slug: provider?.slug ?? '',
    project: urls.project(ctx, r.projectUuid),
    project_uuid: r.projectUuid,
    project_name: r.projectName,
    // The same slug the group name template's $project_slug uses.
    project_slug: slugify(r.projectName),
    customer_uuid: r.customerUuid,
    customer_name: customer?.name ?? '',
    customer_slug: customer?.slug ?? '',
    resource_type: offering?.type ?? null,
    options: r.options as JsonValue,
    attributes: {},
    limits: {},
    plan_uuid: null,
    plan_name: null,
    end_date: null,
    username: null,
    error_message: '',
    available_actions: [],
  };
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

export function serializeCluster(ctx: Ctx, c: RancherCluster): Json {
  const store = ctx.store;
  const settings = store.serviceSettings.get(c.settingsUuid);
  const customer = store.customers.get(c.customerUuid);
  return {
    url: urls.cluster(ctx, c.uuid),
    uuid: c.uuid,
    name: c.name,
    description: c.description,
    service_name: settings?.name ?? '',
    service_settings: urls.settings(ctx, c.settingsUuid),
    service_settings_uuid: c.settingsUuid,
    service_settings_state: 'OK',
    service_settings_error_message: '',
    project: urls.project(ctx, c.projectUuid),
    project_name: c.projectName,
    project_uuid: c.projectUuid,
    customer: urls.customer(ctx, c.customerUuid),
    customer_uuid: c.customerUuid,
    customer_name: customer?.name ?? '',
    customer_native_name: '',
    customer_abbreviation: '',
    error_message: '',
    error_traceback: '',
    resource_type: 'Rancher.Cluster',
    state: 'OK',
    created: formatMicros(c.created),
    modified: formatMicros(c.modified),
    backend_id: c.backendId,
    access_url: null,
    nodes: [],
    public_ips: [],
    kubernetes_version: 'v1.30.4',
    runtime_state: 'active',
    marketplace_offering_uuid: null,
    marketplace_offering_name: null,
    marketplace_resource_uuid: null,
  };
}

/** Waldur 8.0.5's Rancher ProjectSerializer: the cluster only as a URL, no `backend_id`. */
export function serializeProject(ctx: Ctx, p: RancherProject): Json {
  return {
    url: urls.rancherProject(ctx, p.uuid),
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    created: formatMicros(p.created),
    modified: formatMicros(p.modified),
    runtime_state: 'active',
    cluster: urls.cluster(ctx, p.clusterUuid),
    namespaces: [],
  };
}

export function serializeRoleTemplate(ctx: Ctx, t: RoleTemplate): Json {
  return {
    url: urls.roleTemplate(ctx, t.uuid),
    uuid: t.uuid,
    name: t.name,
    scope_type: t.scopeType,
    display_name: t.displayName,
    settings: urls.settings(ctx, t.settingsUuid),
  };
}

/** Name of a Rancher group's cluster or project, null when it no longer exists. */
export function rancherScopeName(store: Store, g: RancherGroup): string | null {
  const role = store.roleTemplates.get(g.roleUuid);
  if (role?.scopeType === 'cluster') return store.clusters.get(g.scopeUuid)?.name ?? null;
  if (role?.scopeType === 'project') return store.projects.get(g.scopeUuid)?.name ?? null;
  return null;
}

export function serializeRancherGroup(ctx: Ctx, g: RancherGroup): Json {
  const role = ctx.store.roleTemplates.get(g.roleUuid);
  return {
    uuid: g.uuid,
    url: urls.rancherGroup(ctx, g.uuid),
    name: g.name,
    backend_id: g.backendId,
    scope_type: role?.scopeType ?? '',
    scope_uuid: g.scopeUuid,
    scope_name: rancherScopeName(ctx.store, g),
    role: urls.roleTemplate(ctx, g.roleUuid),
    created: formatMicros(g.created),
    modified: formatMicros(g.modified),
  };
}

export function serializeRancherMembership(ctx: Ctx, m: RancherMembership): Json {
  const store = ctx.store;
  const group = store.rancherGroups.get(m.groupUuid);
  const role = group ? store.roleTemplates.get(group.roleUuid) : undefined;
  return {
    uuid: m.uuid,
    url: urls.rancherMembership(ctx, m.uuid),
    username: m.username,
    email: m.email,
    first_name: m.firstName,
    last_name: m.lastName,
    group: urls.rancherGroup(ctx, m.groupUuid),
    group_name: group?.name ?? '',
    group_role: role?.name ?? '',
    group_scope_type: role?.scopeType ?? '',
    group_scope_name: group ? rancherScopeName(store, group) : null,
    state: m.state,
    created: formatMicros(m.created),
    modified: formatMicros(m.modified),
    last_checked: formatMicros(m.lastChecked),
    error_message: m.errorMessage,
    error_traceback: m.errorTraceback,
  };
}
