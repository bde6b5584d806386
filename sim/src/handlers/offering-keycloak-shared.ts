// Pieces of waldur_keycloak shared by the group and membership views, the handlers (signals) and
// the periodic tasks.
import { dataGet } from '../http/body.ts';
import { fieldError, forbidden, listError, MESSAGES } from '../http/errors.ts';
import { isKeycloakEnabled, withOfferingKeycloak } from '../keycloak/access.ts';
import { KeycloakHttpError } from '../keycloak/admin-api.ts';
import type { WaldurKeycloakClient } from '../keycloak/waldur-client.ts';
import type { Store } from '../model/store.ts';
import type { Offering, OfferingGroup, OfferingMembership, OfferingRole, Resource } from '../model/types.ts';
import { normalizeUuid } from '../util/ids.ts';
import type { Core, Ctx } from './context.ts';
import type { FieldValidator } from '../http/fields.ts';

/** Python truthiness of a JSON value (`if not value:`). */
export function pythonFalsy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** `_get_offering_and_check_permission`: the checks every offering-scoped action runs first. */
export async function offeringForAction(ctx: Ctx): Promise<Offering> {
  const raw = ctx.method === 'GET' || ctx.method === 'HEAD' ? ctx.query.get('offering_uuid') : dataGet(await ctx.body(), 'offering_uuid');
  if (pythonFalsy(raw)) {
    throw fieldError('offering_uuid', MESSAGES.required);
  }
  const hex = normalizeUuid(raw);
  const offering = hex ? ctx.store.offerings.get(hex) : undefined;
  if (!offering) throw fieldError('offering_uuid', MESSAGES.offeringNotFound);
  if (!isKeycloakEnabled(offering)) throw listError(MESSAGES.keycloakNotEnabled);
  if (!ctx.store.canManageOffering(ctx.user, offering)) throw forbidden();
  return offering;
}

/** Runs `fn` with the offering's Keycloak (resolved from its secret_options now); null on any Keycloak failure. */
export async function keycloakCall<T>(ctx: Ctx, offering: Offering, fn: (keycloak: WaldurKeycloakClient) => Promise<T>): Promise<T | null> {
  const result = await withOfferingKeycloak(ctx.keycloak, ctx.faults, offering, fn);
  return result.ok ? result.value : null;
}

/** Django's slugify, as the seed's project slugs were made. */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Python's string.Template(...).safe_substitute. */
function safeSubstitute(template: string, vars: Record<string, string>): string {
  return template.replace(
    /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g,
    (whole, escaped: string | undefined, named: string | undefined, braced: string | undefined) => {
      if (escaped) return '$';
      const key = named ?? braced ?? '';
      return Object.prototype.hasOwnProperty.call(vars, key) ? (vars[key] ?? '') : whole;
    },
  );
}

/** `utils.get_keycloak_group_name`. */
export function keycloakGroupName(
  store: Store,
  offering: Offering,
  role: OfferingRole,
  resource: Resource | undefined,
  scopeId: string,
): string {
  const template = offering.pluginOptions.keycloak_group_name_template;
  if (typeof template === 'string' && template !== '') {
    const customer = store.customers.get(offering.customerUuid);
    return safeSubstitute(template, {
      role_name: role.name,
      scope_id: scopeId,
      offering_uuid: offering.uuid,
      offering_name: offering.name,
      offering_slug: offering.slug,
      organization_uuid: customer?.uuid ?? '',
      organization_name: customer?.name ?? '',
      organization_slug: customer?.slug ?? '',
      resource_uuid: resource?.uuid ?? '',
      resource_name: resource?.name ?? '',
      resource_slug: resource?.slug ?? '',
      project_uuid: resource?.projectUuid ?? '',
      project_name: resource?.projectName ?? '',
      project_slug: resource ? slugify(resource.projectName) : '',
    });
  }
  const parts = [offering.uuid];
  if (scopeId) parts.push(scopeId);
  else if (resource) parts.push(resource.uuid);
  parts.push(role.name);
  return parts.join('_');
}

/**
 * `handlers.delete_keycloak_group_from_backend`: deleting a local group deletes the linked
 * remote group (get_group first; Keycloak errors are only logged).
 */
export async function deleteGroupWithSideEffects(core: Core, group: OfferingGroup): Promise<void> {
  const offering = core.store.offerings.get(group.offeringUuid);
  core.store.dropGroup(group);
  if (!offering || !isKeycloakEnabled(offering) || !group.backendId) return;
  const backendId = group.backendId;
  await withOfferingKeycloak(core.keycloak, core.faults, offering, async (keycloak) => {
    await keycloak.getGroup(backendId);
    if (core.faults.rejectsKeycloakWrite(backendId)) throw new KeycloakHttpError(500, { error: 'Simulated Keycloak failure' });
    await keycloak.deleteGroup(backendId);
  });
}

/**
 * `handlers.delete_keycloak_membership_from_backend`: the user Keycloak returns first for the
 * username (a substring match) is removed from the remote group; then, if no other membership
 * of the group is left, the group is deleted, locally and remotely. That second step runs only
 * when the removal went through: with Keycloak unreachable, the user unknown there or the
 * remote group gone, the local group stays. Keycloak errors are only logged.
 */
export async function deleteMembershipWithSideEffects(core: Core, membership: OfferingMembership): Promise<void> {
  const { store } = core;
  store.memberships.delete(membership.uuid);
  const group = store.groups.get(membership.groupUuid);
  if (!group) return;
  const offering = store.offerings.get(group.offeringUuid);
  if (!offering || !isKeycloakEnabled(offering) || !group.backendId) return;
  const backendId = group.backendId;
  const removed = await withOfferingKeycloak(core.keycloak, core.faults, offering, async (keycloak) => {
    const user = await keycloak.findUserByUsername(membership.username);
    if (!user) return false;
    await keycloak.getGroup(backendId);
    if (core.faults.rejectsKeycloakWrite(backendId, membership.username)) {
      throw new KeycloakHttpError(500, { error: 'Simulated Keycloak failure' });
    }
    await keycloak.removeUserFromGroup(user.id, backendId);
    return true;
  });
  if (removed.ok && removed.value && store.memberships.count('group', group.uuid) === 0) {
    await deleteGroupWithSideEffects(core, group);
  }
}

/** Keycloak stores up to 255 characters of a name, Waldur's membership fields 100. */
export function clip(value: string, max: number): string {
  return [...value].slice(0, max).join('');
}

/**
 * The person every membership serializer reads first (offering memberships and Rancher ones):
 * username and email, both required, at Waldur's lengths. Errors are collected in `v`.
 */
export function readMembershipPerson(v: FieldValidator): { username: string | null | undefined; email: string | null | undefined } {
  const username = v.char('username', { required: true, maxLength: 255 });
  const email = v.email('email', { required: true, maxLength: 254 });
  return { username, email };
}

/** A new membership's own fields (both kinds): pending until the user is found in Keycloak. */
export function newMembershipFields(username: string, email: string, now: number) {
  return {
    username,
    email,
    firstName: '',
    lastName: '',
    state: 'pending' as const,
    created: now,
    modified: now,
    lastChecked: now,
    errorMessage: '',
    errorTraceback: '',
  };
}
