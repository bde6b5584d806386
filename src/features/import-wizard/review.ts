import { plural, t } from '@lingui/core/macro';
import { availableScopes, scopeMismatch } from '../../lib/resource-scopes';
import type { OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { clip, formatNumber, hexUuid } from '../../lib/format';
import { EMPTY_CHOICE, type Choice, type WizardState } from './wizard-state';

/**
 * Checks on the chosen groups before anything is sent: the ones Waldur would refuse (no role,
 * a role/resource/scope ID that does not exist, a (role, resource, scope ID) that another
 * chosen or existing local group already has: Waldur keeps one group per combination) and the
 * ones it would skip (already linked).
 */
export type Problem = { level: 'error' | 'warning'; message: string };
export type FieldProblems = { role?: string; resource?: string; scope?: string };

/** Waldur keeps local group names to 150 characters. */
export const LOCAL_NAME_MAX = 150;
/** Names quoted in a problem message are clipped to this, and at most this many are listed. */
const QUOTED_NAME_MAX = 60;
const QUOTED_NAMES_MAX = 3;

/** “A”, “B”, “C” and 4 more: long names clipped, long lists cut. */
export function quoteNames(names: readonly string[]): string {
  const quoted = names.slice(0, QUOTED_NAMES_MAX).map((name) => `“${clip(name, QUOTED_NAME_MAX)}”`);
  const rest = names.length - quoted.length;
  const list = quoted.join(', ');
  return rest > 0 ? plural(rest, { one: `${list} and # other group`, other: `${list} and # other groups` }) : list;
}

type Lookups = {
  roles: readonly OfferingRole[] | undefined;
  resources: readonly ProviderResource[] | undefined;
};

/** Role uuids and resources by uuid, built once per roles / resources array (query data). */
type LookupIndex = { roles: Map<string, OfferingRole> | null; resources: Map<string, ProviderResource> | null };

const roleSets = new WeakMap<readonly OfferingRole[], Map<string, OfferingRole>>();
const resourceMaps = new WeakMap<readonly ProviderResource[], Map<string, ProviderResource>>();
const scopeSets = new WeakMap<ProviderResource, Set<string>>();

function lookupIndex({ roles, resources }: Lookups): LookupIndex {
  let roleSet: Map<string, OfferingRole> | null = null;
  if (roles) {
    roleSet = roleSets.get(roles) ?? null;
    if (!roleSet) {
      roleSet = new Map(roles.flatMap((role) => (role.uuid !== undefined ? [[role.uuid, role] as const] : [])));
      roleSets.set(roles, roleSet);
    }
  }
  let resourceMap: Map<string, ProviderResource> | null = null;
  if (resources) {
    resourceMap = resourceMaps.get(resources) ?? null;
    if (!resourceMap) {
      resourceMap = new Map();
      // The first resource with a uuid wins, as a linear search would find it.
      for (const resource of resources)
        if (resource.uuid !== undefined && !resourceMap.has(resource.uuid)) resourceMap.set(resource.uuid, resource);
      resourceMaps.set(resources, resourceMap);
    }
  }
  return { roles: roleSet, resources: resourceMap };
}

/** A resource's scope IDs, parsed once per resource object (query data is not mutated). */
function scopesOf(resource: ProviderResource): Set<string> {
  let scopes = scopeSets.get(resource);
  if (!scopes) {
    scopes = new Set(availableScopes(resource).map((scope) => scope.scope_id));
    scopeSets.set(resource, scopes);
  }
  return scopes;
}

function problemsWithIndex(choice: Choice, index: LookupIndex): FieldProblems {
  const problems: FieldProblems = {};
  if (!choice.role) problems.role = t`Choose a role.`;
  else if (index.roles && !index.roles.has(choice.role)) problems.role = t`This role is not one of the offering’s roles.`;
  if (choice.resource && index.resources) {
    const resource = index.resources.get(choice.resource);
    if (!resource) problems.resource = t`This resource is not one of the offering’s resources.`;
    else if (choice.scope && !scopesOf(resource).has(choice.scope)) {
      problems.scope = t`Not a scope of this resource.`;
    } else if (choice.scope && index.roles?.has(choice.role)) {
      // Offered, but for another scope type than the role's: Waldur would import the group, and
      // then refuse every member added to it.
      const mismatch = scopeMismatch(resource, choice.scope, index.roles.get(choice.role));
      if (mismatch) problems.scope = mismatch;
    }
  } else if (!choice.resource && choice.scope) {
    problems.scope = t`Choose the resource of this scope ID.`;
  }
  return problems;
}

/**
 * Problems with one group's own choice (the "Assign roles" step shows them under the fields).
 * Role and resource look-ups are indexed once per roles/resources array, so checking every
 * chosen group stays linear.
 */
export function choiceProblems(choice: Choice, lookups: Lookups): FieldProblems {
  return problemsWithIndex(choice, lookupIndex(lookups));
}

function comboKey(role: string, resource: string | null | undefined, scope: string | null | undefined): string {
  return `${hexUuid(role)}\u0000${hexUuid(resource ?? '')}\u0000${scope ?? ''}`;
}

/** A local group names its role by URL only: `.../marketplace-offering-user-roles/<uuid>/`. */
export function uuidFromUrl(url: string | null | undefined): string {
  if (!url) return '';
  const segments = url.split('?')[0]?.split('/').filter(Boolean) ?? [];
  return segments[segments.length - 1] ?? '';
}

export type ReviewRow = {
  id: string;
  name: string;
  path: string;
  choice: Choice;
  problems: Problem[];
  /** Imported earlier in this wizard: not sent again. */
  done: boolean;
};

export type Review = {
  rows: ReviewRow[];
  /** Groups with a problem that stops the import. */
  errors: number;
  /** Groups with a warning only. */
  warnings: number;
  /** How many groups an import would send (with or without problems). */
  toSend: number;
  /** How many of those are ready: sent as they are now. */
  ready: number;
};

type LocalIndex = {
  /** Local groups by the remote group they are linked to. */
  linked: Map<string, OfferingGroup>;
  /** Local groups by (role, resource, scope ID); the last one wins. */
  combos: Map<string, OfferingGroup>;
};

/** Built once per list of local groups (a query result), not per review or per chosen group. */
const localIndexes = new WeakMap<readonly OfferingGroup[], LocalIndex>();

function localIndex(localGroups: readonly OfferingGroup[]): LocalIndex {
  const cached = localIndexes.get(localGroups);
  if (cached) return cached;
  const linked = new Map<string, OfferingGroup>();
  const combos = new Map<string, OfferingGroup>();
  for (const group of localGroups) {
    if (group.backend_id) linked.set(group.backend_id, group);
    const role = uuidFromUrl(group.role);
    if (role) combos.set(comboKey(role, group.resource_uuid, group.scope_id), group);
  }
  const index = { linked, combos };
  localIndexes.set(localGroups, index);
  return index;
}

/**
 * Linear in the chosen and the local groups: the local groups and the look-ups are indexed
 * once (and cached per array), each chosen group costs a few map look-ups.
 */
export function reviewImport(
  state: Pick<WizardState, 'selected' | 'groups' | 'choices' | 'results'>,
  localGroups: readonly OfferingGroup[],
  lookups: Lookups,
): Review {
  const { linked, combos } = localIndex(localGroups);
  const index = lookupIndex(lookups);

  const pending = state.selected.filter((id) => {
    const result = state.results[id];
    return result?.status !== 'imported' && result?.status !== 'skipped';
  });
  // Chosen groups by combination, to find clashes among them.
  const chosenByCombo = new Map<string, string[]>();
  for (const id of pending) {
    const choice = state.choices[id] ?? EMPTY_CHOICE;
    if (!choice.role || linked.has(id)) continue;
    const key = comboKey(choice.role, choice.resource, choice.scope);
    const same = chosenByCombo.get(key);
    if (same) same.push(id);
    else chosenByCombo.set(key, [id]);
  }

  let errors = 0;
  let warnings = 0;
  let toSend = 0;
  let ready = 0;
  const rows = state.selected.map((id): ReviewRow => {
    const info = state.groups[id] ?? { name: id, path: '' };
    const choice = state.choices[id] ?? EMPTY_CHOICE;
    const result = state.results[id];
    if (result?.status === 'imported' || result?.status === 'skipped') {
      return { id, name: info.name, path: info.path, choice, problems: [], done: true };
    }
    const problems: Problem[] = [];
    const local = linked.get(id);
    if (local) {
      const localName = quoteNames([local.name ?? '']);
      problems.push({
        level: 'warning',
        message: t`Already linked to the local group ${localName}: it will be skipped.`,
      });
    } else {
      const own = problemsWithIndex(choice, index);
      for (const message of [own.role, own.resource, own.scope]) if (message) problems.push({ level: 'error', message });
      if (choice.role) {
        const key = comboKey(choice.role, choice.resource, choice.scope);
        const existing = combos.get(key);
        if (existing && existing.backend_id !== id) {
          const existingName = quoteNames([existing.name ?? '']);
          problems.push({
            level: 'error',
            message: t`Clashes with the local group ${existingName}, which has the same role, resource and scope ID.`,
          });
        }
        const others = (chosenByCombo.get(key) ?? []).filter((other) => other !== id);
        if (others.length > 0) {
          const names = quoteNames(others.map((other) => state.groups[other]?.name ?? other));
          problems.push({ level: 'error', message: t`Clashes with ${names}: same role, resource and scope ID.` });
        }
      }
      const length = [...info.name].length;
      if (length > LOCAL_NAME_MAX) {
        const lengthText = formatNumber(length);
        problems.push({
          level: 'error',
          message: t`The name has ${lengthText} characters; Waldur refuses local group names longer than ${LOCAL_NAME_MAX}. Rename the group in Keycloak, or remove it from this import.`,
        });
      }
      toSend += 1;
    }
    if (problems.some((problem) => problem.level === 'error')) errors += 1;
    else if (!local) ready += 1;
    if (problems.some((problem) => problem.level === 'warning')) warnings += 1;
    return { id, name: info.name, path: info.path, choice, problems, done: false };
  });
  return { rows, errors, warnings, toSend, ready };
}
