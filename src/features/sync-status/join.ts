import type { OfferingGroup, RemoteGroup, SyncStatus } from '../../api/types';

/**
 * Joins the sync status (names only, in no order, names may repeat) back to the local groups
 * and the remote groups, so every line can be acted on.
 *
 * - Synced lines are matched to local groups by `backend_id` (then by name among those), and to
 *   the remote group by id.
 * - "Only in Waldur" lines are matched by name to local groups that are not synced.
 * - "Only in Keycloak" lines are matched by name to remote groups that no synced line uses.
 *
 * When k lines share a key and exactly k candidates have it, they are paired one to one: the
 * lines are interchangeable, so every candidate gets exactly one line. Otherwise each of those
 * lines lists every candidate and the user chooses. Names are compared exactly, falling back to
 * Unicode NFC when nothing matches exactly. Everything is done with maps: O(n) plus the sort.
 */
export type SyncedLine = {
  kind: 'synced';
  id: string;
  localName: string;
  remoteName: string;
  backendId: string;
  /** One when resolved; several when the user must choose; none when it was not found. */
  candidates: OfferingGroup[];
  remote: RemoteGroup | null;
  search: string;
};

export type LocalOnlyLine = {
  kind: 'local';
  id: string;
  name: string;
  candidates: OfferingGroup[];
  search: string;
};

export type RemoteOnlyLine = {
  kind: 'remote';
  id: string;
  name: string;
  candidates: RemoteGroup[];
  search: string;
};

export type SyncLine = SyncedLine | LocalOnlyLine | RemoteOnlyLine;

export type SyncJoin = {
  synced: SyncedLine[];
  local: LocalOnlyLine[];
  remote: RemoteOnlyLine[];
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

const nfc = (value: string) => value.normalize('NFC');

/** Looks a name up exactly, then by its NFC form (built lazily: most joins never need it). */
function nameLookup<T>(items: readonly T[], nameOf: (item: T) => string) {
  const exact = groupBy(items, nameOf);
  let normalised: Map<string, T[]> | null = null;
  return (name: string): T[] => {
    const hit = exact.get(name);
    if (hit) return hit;
    normalised ??= groupBy(items, (item) => nfc(nameOf(item)));
    return normalised.get(nfc(name)) ?? [];
  };
}

/**
 * Gives each entry its candidates. Entries and candidates with the same name, equal in number,
 * are paired one to one; otherwise every entry of that name gets every candidate of that name
 * (or, when none has it, every candidate of the key that is not paired).
 */
function assign<E, C>(
  entries: readonly E[],
  candidates: readonly C[],
  entryName: (entry: E) => string,
  candidateName: (candidate: C) => string,
): C[][] {
  const result: C[][] = new Array(entries.length);
  if (entries.length === candidates.length && entries.length === 1) {
    result[0] = [candidates[0] as C];
    return result;
  }
  const entriesByName = new Map<string, number[]>();
  entries.forEach((entry, index) => push(entriesByName, entryName(entry), index));
  const candidatesByName = groupBy(candidates, candidateName);
  const paired = new Set<C>();
  const unnamed: number[] = [];
  for (const [name, indexes] of entriesByName) {
    const same = candidatesByName.get(name) ?? candidatesByName.get(nfc(name)) ?? [];
    if (same.length === indexes.length) {
      indexes.forEach((entryIndex, position) => {
        const candidate = same[position] as C;
        paired.add(candidate);
        result[entryIndex] = [candidate];
      });
    } else if (same.length > 0) {
      for (const entryIndex of indexes) result[entryIndex] = same;
    } else {
      unnamed.push(...indexes);
    }
  }
  if (unnamed.length > 0) {
    const leftover = candidates.filter((candidate) => !paired.has(candidate));
    if (leftover.length === unnamed.length) unnamed.forEach((entryIndex, position) => (result[entryIndex] = [leftover[position] as C]));
    else for (const entryIndex of unnamed) result[entryIndex] = leftover;
  }
  return result;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byName<T extends { search: string }>(name: (line: T) => string) {
  return (a: T, b: T) => collator.compare(name(a), name(b)) || (a.search < b.search ? -1 : a.search > b.search ? 1 : 0);
}

function groupSearch(group: OfferingGroup): string {
  return [group.name, group.role_name, group.resource_name ?? '', group.scope_id ?? '', group.backend_id, group.uuid].join('\n');
}

/** Stable order for candidates: the server lists newest first; keep the oldest first. */
function oldestFirst(a: OfferingGroup, b: OfferingGroup): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.uuid < b.uuid ? -1 : 1;
}

/**
 * The last join of each sync_status answer, with the group lists it was made from. The answers
 * are React Query's cached objects, so going back to the tab (or a re-render) finds the same
 * three inputs and reuses the join instead of rebuilding it for tens of thousands of lines.
 */
const joins = new WeakMap<SyncStatus, { localGroups: readonly OfferingGroup[]; remoteGroups: readonly RemoteGroup[]; join: SyncJoin }>();

export function joinSyncStatus(status: SyncStatus, localGroups: readonly OfferingGroup[], remoteGroups: readonly RemoteGroup[]): SyncJoin {
  const cached = joins.get(status);
  if (cached && cached.localGroups === localGroups && cached.remoteGroups === remoteGroups) return cached.join;
  const join = buildJoin(status, localGroups, remoteGroups);
  joins.set(status, { localGroups, remoteGroups, join });
  return join;
}

function buildJoin(status: SyncStatus, localGroups: readonly OfferingGroup[], remoteGroups: readonly RemoteGroup[]): SyncJoin {
  const remoteById = new Map(remoteGroups.map((group) => [group.id, group]));
  const syncedIds = new Set(status.synced.map((line) => line.backend_id));
  const sortedLocal = [...localGroups].sort(oldestFirst);

  // Synced: by backend_id, then by local name among groups pointing at the same remote group.
  const localByBackend = groupBy(
    sortedLocal.filter((group) => group.backend_id),
    (group) => group.backend_id,
  );
  const syncedByBackend = new Map<string, SyncStatus['synced']>();
  for (const line of status.synced) push(syncedByBackend, line.backend_id, line);
  const synced: SyncedLine[] = [];
  for (const [backendId, entries] of syncedByBackend) {
    const candidates = assign(
      entries,
      localByBackend.get(backendId) ?? [],
      (entry) => entry.local_name,
      (group) => group.name,
    );
    const remote = remoteById.get(backendId) ?? null;
    entries.forEach((entry, index) => {
      const found = candidates[index] ?? [];
      synced.push({
        kind: 'synced',
        id: `synced:${backendId}:${index}`,
        localName: entry.local_name,
        remoteName: entry.remote_name,
        backendId,
        candidates: found,
        remote,
        search: [entry.local_name, entry.remote_name, backendId, remote?.path ?? '', ...found.map(groupSearch)].join('\n').toLowerCase(),
      });
    });
  }

  // Only in Waldur: by name, among local groups that are not synced.
  const unsynced = sortedLocal.filter((group) => !group.backend_id || !syncedIds.has(group.backend_id));
  const findLocal = nameLookup(unsynced, (group) => group.name);
  const localEntries = groupBy(status.local_only, (name) => name);
  const local: LocalOnlyLine[] = [];
  for (const [name, entries] of localEntries) {
    const candidates = assign(
      entries,
      findLocal(name),
      (entry) => entry,
      (group) => group.name,
    );
    entries.forEach((_, index) => {
      const found = candidates[index] ?? [];
      local.push({
        kind: 'local',
        id: `local:${name}:${index}`,
        name,
        candidates: found,
        search: [name, ...found.map(groupSearch)].join('\n').toLowerCase(),
      });
    });
  }

  // Only in Keycloak: by name, among remote groups no synced line uses.
  const unlinkedRemote = remoteGroups.filter((group) => !syncedIds.has(group.id));
  const findRemote = nameLookup(unlinkedRemote, (group) => group.name);
  const remoteEntries = groupBy(status.remote_only, (name) => name);
  const remote: RemoteOnlyLine[] = [];
  for (const [name, entries] of remoteEntries) {
    const candidates = assign(
      entries,
      findRemote(name),
      (entry) => entry,
      (group) => group.name,
    );
    entries.forEach((_, index) => {
      const found = candidates[index] ?? [];
      remote.push({
        kind: 'remote',
        id: `remote:${name}:${index}`,
        name,
        candidates: found,
        search: [name, ...found.flatMap((group) => [group.id, group.path])].join('\n').toLowerCase(),
      });
    });
  }

  synced.sort(byName((line) => line.localName));
  local.sort(byName((line) => line.name));
  remote.sort(byName((line) => line.name));
  return { synced, local, remote };
}

/** Lines whose text (names, ids, paths, role, resource) contains the filter, case-insensitively. */
export function filterLines<T extends { search: string }>(lines: readonly T[], text: string): readonly T[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter((line) => line.search.includes(needle));
}

/** The one group or remote group a line stands for: its only candidate, or the user's choice. */
export function chosen<T extends { uuid: string } | { id: string }>(candidates: readonly T[], choice: string | undefined): T | undefined {
  if (candidates.length === 1) return candidates[0];
  if (!choice) return undefined;
  return candidates.find((candidate) => ('uuid' in candidate ? candidate.uuid : candidate.id) === choice);
}
