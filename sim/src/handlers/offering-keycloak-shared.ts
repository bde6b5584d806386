// Pieces of waldur_keycloak shared by the group and membership views, the handlers (signals) and
// the periodic tasks.
import type { Faults } from '../faults.ts';
import { dataGet } from '../http/body.ts';
import { fieldError, forbidden, listError, MESSAGES } from '../http/errors.ts';
import { isKeycloakEnabled, KeycloakUnavailable, offeringRealm } from '../keycloak/access.ts';
import type { Realm, RemoteGroup } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type { Offering, OfferingGroup, OfferingMembership, OfferingRole, Resource } from '../model/types.ts';
import { normalizeUuid } from '../util/ids.ts';
import type { Ctx } from './context.ts';

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

/** Realm of the offering, or null when Keycloak cannot be reached (callers pick the message). */
export function tryRealm(store: Store, faults: Faults, offering: Offering): Realm | null {
  try {
    return offeringRealm(store, faults, offering);
  } catch (err) {
    if (err instanceof KeycloakUnavailable) return null;
    throw err;
  }
}

export function baseGroupName(offering: Offering): string | null {
  const v = offering.pluginOptions.keycloak_base_group;
  return typeof v === 'string' && v !== '' ? v : null;
}

export function offeringGroupName(offering: Offering): string {
  return offering.slug || offering.uuid;
}

/** `utils.get_offering_groups_from_remote`: hierarchy, then uuid prefix, then everything. */
export function remoteOfferingGroups(realm: Realm, offering: Offering): RemoteGroup[] {
  const roots = realm.children(null);
  const base = baseGroupName(offering);
  const fallback = (): RemoteGroup[] => {
    const prefixed = roots.filter((g) => g.name.startsWith(offering.uuid));
    return prefixed.length > 0 ? prefixed : realm.flatten();
  };
  let search = roots;
  if (base !== null) {
    const baseGroup = roots.find((g) => g.name === base);
    if (!baseGroup) return fallback();
    search = realm.children(baseGroup.id);
  }
  const offeringGroup = search.find((g) => g.name === offeringGroupName(offering));
  if (offeringGroup) return realm.children(offeringGroup.id);
  return fallback();
}

/** `utils.create_keycloak_group_with_hierarchy`: {base}/{offering slug}/{name}, reusing existing. */
export function createRemoteGroupWithHierarchy(realm: Realm, offering: Offering, name: string): RemoteGroup {
  const base = baseGroupName(offering);
  const parentId = base === null ? null : realm.ensureGroup(base, null).id;
  const offeringGroup = realm.ensureGroup(offeringGroupName(offering), parentId);
  return realm.ensureGroup(name, offeringGroup.id);
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

/** Deleting a local group deletes the linked remote group (errors are only logged). */
export function deleteGroupWithSideEffects(store: Store, faults: Faults, group: OfferingGroup): void {
  const offering = store.offerings.get(group.offeringUuid);
  store.dropGroup(group);
  if (!offering || !isKeycloakEnabled(offering) || !group.backendId) return;
  const realm = tryRealm(store, faults, offering);
  if (faults.rejectsKeycloakWrite(group.backendId)) return;
  if (realm?.getGroup(group.backendId)) realm.deleteGroup(group.backendId);
}

/**
 * Deleting a membership removes the user from the remote group; deleting the last membership
 * of a group deletes the group, locally and remotely. Keycloak errors are only logged.
 */
export function deleteMembershipWithSideEffects(store: Store, faults: Faults, membership: OfferingMembership): void {
  store.memberships.delete(membership.uuid);
  const group = store.groups.get(membership.groupUuid);
  if (!group) return;
  const offering = store.offerings.get(group.offeringUuid);
  if (offering && isKeycloakEnabled(offering) && group.backendId) {
    const realm = tryRealm(store, faults, offering);
    const user = realm?.findUser(membership.username);
    const rejected = faults.rejectsKeycloakWrite(group.backendId, membership.username);
    if (realm && user && !rejected && realm.getGroup(group.backendId)) realm.removeMember(group.backendId, user.id);
  }
  if (store.memberships.count('group', group.uuid) === 0) deleteGroupWithSideEffects(store, faults, group);
}

/** Keycloak stores up to 255 characters of a name, Waldur's membership fields 100. */
export function clip(value: string, max: number): string {
  return [...value].slice(0, max).join('');
}
