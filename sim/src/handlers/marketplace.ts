// The pickers' endpoints (provider offerings, offering user roles, provider resources) and the
// two marketplace actions that change an offering's Keycloak integration and a resource's scopes.
import { pythonTypeName, requireObject } from '../http/body.ts';
import type { JsonValue } from '../http/errors.ts';
import { fieldErrors, forbidden, HttpError, listError, MESSAGES } from '../http/errors.ts';
import { FieldValidator } from '../http/fields.ts';
import { paginate } from '../http/pagination.ts';
import type { ApiResult } from '../http/result.ts';
import { isKeycloakEnabled } from '../keycloak/access.ts';
import type { KeycloakScope, Offering, OfferingRole, Resource } from '../model/types.ts';
import { serializeOffering, serializeResource, serializeRole } from '../serializers/marketplace.ts';
import { normalizeUuid } from '../util/ids.ts';
import type { Ctx } from './context.ts';
import { Filters, getObject, isVisibleOffering, pickFields, sortBy, Where } from './filters.ts';
import {
  PLUGIN_OPTION_FIELDS,
  SCOPE_OPTION_FIELDS,
  SECRET_OPTION_FIELDS,
  validateGroupNameTemplate,
  validateObject,
} from './integration-options.ts';

const OFFERING_STATES = ['Draft', 'Active', 'Paused', 'Archived', 'Unavailable'] as const;
const RESOURCE_STATES = ['Creating', 'OK', 'Erred', 'Updating', 'Terminating', 'Terminated'] as const;

function sortValue(o: Offering, field: string): string | number {
  switch (field) {
    case 'name':
      return o.name;
    case 'state':
      return o.state;
    case 'type':
      return o.type;
    default:
      return o.created;
  }
}

export function listProviderOfferings(ctx: Ctx): ApiResult {
  const w = new Where<Offering>(new Filters(ctx));
  w.contains('name', (o) => o.name);
  w.exact('name_exact', (o) => o.name);
  w.uuid('customer_uuid', (o) => o.customerUuid);
  w.choices('state', OFFERING_STATES, (o) => o.state);
  const types = ctx.query.getAll('type').filter(Boolean);
  if (types.length > 0) w.test((o) => types.includes(o.type));
  const uuidList = w.f
    .text('uuid_list')
    ?.split(',')
    .map((u) => normalizeUuid(u))
    .filter((u): u is string => u !== null);
  if (uuidList) w.test((o) => uuidList.includes(o.uuid));
  const keyword = w.f.text('keyword')?.toLowerCase() ?? w.f.text('query')?.toLowerCase();
  if (keyword !== undefined) w.test((o) => `${o.name} ${o.slug} ${o.description}`.toLowerCase().includes(keyword));
  const ordering = w.f.ordering(['created', 'name', 'state', 'type']);
  w.f.check();
  const rows = sortBy(
    w.rows(() => ctx.store.offerings.all()),
    ordering,
    sortValue,
  );
  return paginate(ctx.url, ctx.query, rows, (o) => pickFields(ctx, serializeOffering(ctx, o)));
}

export function retrieveProviderOffering(ctx: Ctx): ApiResult {
  return { status: 200, body: pickFields(ctx, serializeOffering(ctx, getObject(ctx, ctx.store.offerings))) };
}

export function listOfferingRoles(ctx: Ctx): ApiResult {
  const w = new Where<OfferingRole>(new Filters(ctx));
  w.uuidIn('offering_uuid', (r) => r.offeringUuid);
  const offeringUrl = w.f.text('offering');
  if (offeringUrl !== undefined) {
    const m = /\/api\/marketplace-provider-offerings\/([^/]+)\/?$/.exec(offeringUrl);
    const offeringFromUrl = m?.[1] ? normalizeUuid(m[1]) : null;
    w.test((r) => r.offeringUuid === offeringFromUrl);
  }
  w.exact('name', (r) => r.name);
  w.f.check();
  return w.page(ctx, ctx.store.roles, serializeRole);
}

function resourceSortValue(r: Resource, field: string): string | number {
  switch (field) {
    case 'name':
      return r.name;
    case 'state':
      return r.state;
    case 'project_name':
      return r.projectName;
    default:
      return r.created;
  }
}

/** Resources of offerings whose organization the user is connected to (staff: all). */
export function listProviderResources(ctx: Ctx): ApiResult {
  const { store } = ctx;
  const w = new Where<Resource>(new Filters(ctx)).test((r) => {
    const offering = store.offerings.get(r.offeringUuid);
    return offering !== undefined && store.canSeeOffering(ctx.user, offering);
  });
  w.uuidIn('offering_uuid', (r) => r.offeringUuid);
  w.contains('name', (r) => r.name);
  w.exact('name_exact', (r) => r.name);
  w.uuid('customer_uuid', (r) => r.customerUuid);
  w.uuid('project_uuid', (r) => r.projectUuid);
  w.choices('state', RESOURCE_STATES, (r) => r.state);
  const ordering = w.f.ordering(['created', 'name', 'state', 'project_name', 'end_date']);
  w.f.check();
  const rows = sortBy(
    w.rows(() => store.resources.all()),
    ordering,
    resourceSortValue,
  );
  return paginate(ctx.url, ctx.query, rows, (r) => pickFields(ctx, serializeResource(ctx, r)));
}

/** `GET /api/marketplace-provider-resources/{uuid}/`: the resources the list would show. */
function visibleProviderResource(ctx: Ctx): Resource {
  return getObject(ctx, ctx.store.resources, (resource) => isVisibleOffering(ctx, resource.offeringUuid));
}

export function retrieveProviderResource(ctx: Ctx): ApiResult {
  const resource = visibleProviderResource(ctx);
  return { status: 200, body: pickFields(ctx, serializeResource(ctx, resource)) };
}

/**
 * `POST marketplace-provider-offerings/{uuid}/update_integration/` -> 200, no body.
 * Permission (OFFERING.UPDATE_INTEGRATION: staff, organization owners) comes first; then both
 * option objects go through the typed serializers (unknown keys dropped, defaults filled in) and
 * are merged into the saved ones key by key. Nothing is saved when any part is invalid.
 */
export async function updateIntegration(ctx: Ctx): Promise<ApiResult> {
  const offering = getObject(ctx, ctx.store.offerings);
  if (!ctx.store.canManageOffering(ctx.user, offering)) throw forbidden();
  const data = requireObject(await ctx.body());
  const errors: { [key: string]: JsonValue } = {};
  let plugin: Record<string, unknown> | undefined;
  let secret: Record<string, unknown> | undefined;
  if ('plugin_options' in data) {
    const r = validateObject(data.plugin_options, PLUGIN_OPTION_FIELDS);
    if (!r.ok) errors.plugin_options = r.errors as JsonValue;
    else {
      plugin = r.value as Record<string, unknown>;
      const template = plugin.keycloak_group_name_template;
      const problem = typeof template === 'string' ? validateGroupNameTemplate(template) : null;
      if (problem) errors.plugin_options = { keycloak_group_name_template: [problem] };
    }
  }
  if ('secret_options' in data) {
    const r = validateObject(data.secret_options, SECRET_OPTION_FIELDS);
    if (!r.ok) errors.secret_options = r.errors as JsonValue;
    else secret = r.value as Record<string, unknown>;
  }
  if ('backend_id' in data) {
    const v = new FieldValidator(data);
    v.char('backend_id', { allowBlank: true, maxLength: 255 });
    Object.assign(errors, v.errors);
  }
  if (Object.keys(errors).length > 0) throw new HttpError(400, errors);
  if (plugin) offering.pluginOptions = { ...offering.pluginOptions, ...plugin };
  if (secret) offering.secretOptions = { ...offering.secretOptions, ...secret };
  return { status: 200 };
}

/**
 * `POST marketplace-provider-resources/{uuid}/set_keycloak_scopes/` -> 200 {"status": ...}.
 * Replaces `options.keycloak_available_scopes`; every item needs three non-blank strings, and
 * errors come one object per item (`{}` for a good one).
 */
export async function setKeycloakScopes(ctx: Ctx): Promise<ApiResult> {
  const resource = visibleProviderResource(ctx);
  const offering = ctx.store.offerings.get(resource.offeringUuid);
  if (!offering || !ctx.store.canManageOffering(ctx.user, offering)) throw forbidden();
  if (!isKeycloakEnabled(offering)) throw listError(MESSAGES.keycloakNotEnabled);
  const data = requireObject(await ctx.body());
  if (!('keycloak_available_scopes' in data)) throw fieldErrors({ keycloak_available_scopes: [MESSAGES.required] });
  const raw = data.keycloak_available_scopes;
  if (raw === null) throw fieldErrors({ keycloak_available_scopes: [MESSAGES.notNull] });
  if (!Array.isArray(raw)) {
    throw fieldErrors({ keycloak_available_scopes: [`Expected a list of items but got type "${pythonTypeName(raw)}".`] });
  }
  const scopes: KeycloakScope[] = [];
  const itemErrors: JsonValue[] = [];
  for (const item of raw) {
    const r = validateObject(item, SCOPE_OPTION_FIELDS, true);
    if (r.ok) {
      scopes.push(r.value as unknown as KeycloakScope);
      itemErrors.push({});
    } else itemErrors.push(r.errors as JsonValue);
  }
  if (scopes.length !== raw.length) throw new HttpError(400, { keycloak_available_scopes: itemErrors });
  resource.options = { ...resource.options, keycloak_available_scopes: scopes };
  resource.modified = ctx.store.now();
  return { status: 200, body: { status: 'Keycloak scopes have been updated.' } };
}
