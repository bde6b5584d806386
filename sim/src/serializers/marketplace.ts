// Marketplace: provider offerings, offering user roles and provider resources, field for field
// as Waldur 8.0.5's serializers write them.
import type { Ctx } from '../handlers/context.ts';
import { slugify } from '../handlers/offering-keycloak-shared.ts';
import type { JsonValue } from '../http/errors.ts';
import type { Offering, OfferingRole, Resource } from '../model/types.ts';
import { formatMicros } from '../util/time.ts';
import { urls, type Json } from './urls.ts';

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
