import type { OfferingGroup, RemoteGroup, SyncStatus } from '../../api/types';
import { compareNames } from './name-order';

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
 *
 * The work is cached by its inputs, since a cold load joins three times (the sync status alone,
 * to show its lines at once, then with each group list as it arrives): the lines' order by name
 * per sync_status answer, the groups' indexes per list, and the search text per line, built
 * only when a filter asks for it.
 */
export type SyncedLine = {
  kind: 'synced';
  id: string;
  localName: string;
  remoteName: string;
  backendId: string;
  /** One when resolved; several when the user must choose; none when it was not found. */
  candidates: readonly OfferingGroup[];
  remote: RemoteGroup | null;
};

export type LocalOnlyLine = {
  kind: 'local';
  id: string;
  name: string;
  candidates: readonly OfferingGroup[];
};

export type RemoteOnlyLine = {
  kind: 'remote';
  id: string;
  name: string;
  candidates: readonly RemoteGroup[];
};

export type SyncLine = SyncedLine | LocalOnlyLine | RemoteOnlyLine;

export type SyncJoin = {
  synced: SyncedLine[];
  local: LocalOnlyLine[];
  remote: RemoteOnlyLine[];
};

/** Shared by every line without candidates: a status-only join gives 30,000 of them. */
const NONE: readonly never[] = Object.freeze([]);

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

/** A group list by name, and by the NFC form of the names (built when first needed). */
type NameIndex<T> = { items: readonly T[]; nameOf: (item: T) => string; exact: Map<string, T[]>; normalised: Map<string, T[]> | null };

function nameIndex<T>(items: readonly T[], nameOf: (item: T) => string): NameIndex<T> {
  return { items, nameOf, exact: groupBy(items, nameOf), normalised: null };
}

/** The list itself when `keep` drops nothing (the usual case), so that no array is made per line. */
function kept<T>(list: readonly T[] | undefined, keep: (item: T) => boolean): readonly T[] {
  if (!list) return NONE;
  return list.every(keep) ? list : list.filter(keep);
}

/** The items `keep` allows with this name exactly, else those whose name is the same in NFC. */
function findByName<T>(index: NameIndex<T>, name: string, keep: (item: T) => boolean): readonly T[] {
  const hit = kept(index.exact.get(name), keep);
  if (hit.length > 0 || index.items.length === 0) return hit;
  index.normalised ??= groupBy(index.items, (item) => nfc(index.nameOf(item)));
  return kept(index.normalised.get(nfc(name)), keep);
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
): (readonly C[])[] {
  const result: (readonly C[])[] = new Array(entries.length);
  // The common cases, without a map per line: nothing found, or one line and one group.
  if (candidates.length === 0) return result.fill(NONE);
  if (entries.length === 1 && candidates.length === 1) {
    result[0] = candidates;
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

function groupSearch(group: OfferingGroup): string {
  return [group.name, group.role_name, group.resource_name ?? '', group.scope_id ?? '', group.backend_id, group.uuid].join('\n');
}

function buildSearch(line: SyncLine): string {
  const text =
    line.kind === 'synced'
      ? [line.localName, line.remoteName, line.backendId, line.remote?.path ?? '', ...line.candidates.map(groupSearch)]
      : line.kind === 'local'
        ? [line.name, ...line.candidates.map(groupSearch)]
        : [line.name, ...line.candidates.flatMap((group) => [group.id, group.path])];
  return text.join('\n').toLowerCase();
}

/**
 * What the filter searches in a line: its names, ids, paths, and its candidates' role, resource
 * and scope, lower-cased. Built on the first filter or tie, not with the join: most joins are
 * never filtered, and 30,000 of these strings were a fifth of the join's time.
 */
const searches = new WeakMap<SyncLine, string>();

export function lineSearch(line: SyncLine): string {
  let text = searches.get(line);
  if (text === undefined) {
    text = buildSearch(line);
    searches.set(line, text);
  }
  return text;
}

/** Stable order for candidates: the server lists newest first; keep the oldest first. */
function oldestFirst(a: OfferingGroup, b: OfferingGroup): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.uuid < b.uuid ? -1 : 1;
}

type SyncedEntry = SyncStatus['synced'][number];

/** Status entries that share a key (a backend_id, or a name), in the answer's order. */
type Bunch<E> = { key: string; at: number; entries: E[] };

/** One line of a section as the sync status alone gives it: the join adds its candidates. */
type Slot<E> = { id: string; name: string; bunch: Bunch<E>; index: number };

/** A section in display order, and the runs of lines whose names the collator finds equal. */
type SectionOutline<E> = { bunches: Bunch<E>[]; slots: Slot<E>[]; ties: [start: number, end: number][] };

/**
 * What the sync status alone decides: the lines, their ids and their order by name. It does not
 * depend on the group lists, so it is made once per sync_status answer and every later join
 * (the local groups arriving, then the remote groups) reuses it instead of sorting again.
 */
type Outline = {
  synced: SectionOutline<SyncedEntry>;
  local: SectionOutline<string>;
  remote: SectionOutline<string>;
  syncedIds: Set<string>;
};

/** The lines' order by name: equal for names the collator cannot tell apart. */
const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);

/** Lines the collator cannot tell apart, in the order of their search text. */
const bySearch = (a: SyncLine, b: SyncLine) => {
  const x = lineSearch(a);
  const y = lineSearch(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function outlineSection<E>(
  prefix: string,
  entries: readonly E[],
  keyOf: (entry: E) => string,
  nameOf: (entry: E) => string,
): SectionOutline<E> {
  const byKey = new Map<string, Bunch<E>>();
  const bunches: Bunch<E>[] = [];
  for (const entry of entries) {
    const key = keyOf(entry);
    const bunch = byKey.get(key);
    if (bunch) bunch.entries.push(entry);
    else {
      const created = { key, at: bunches.length, entries: [entry] };
      byKey.set(key, created);
      bunches.push(created);
    }
  }
  const slots: Slot<E>[] = [];
  for (const bunch of bunches) {
    bunch.entries.forEach((entry, index) => slots.push({ id: `${prefix}:${bunch.key}:${index}`, name: nameOf(entry), bunch, index }));
  }
  let tied = false;
  slots.sort((a, b) => {
    const order = byName(a, b);
    if (order === 0) tied = true;
    return order;
  });
  // Lines the collator cannot tell apart are ordered by their search text, which depends on the
  // join: note where they are. They are adjacent once sorted, and a correct sort compares every
  // adjacent pair it leaves equal, so without an equal comparison there is none.
  const ties: [number, number][] = [];
  if (tied) {
    let start = 0;
    for (let index = 1; index <= slots.length; index += 1) {
      const previous = slots[index - 1] as Slot<E>;
      if (index < slots.length && compareNames(previous.name, (slots[index] as Slot<E>).name) === 0) continue;
      if (index - start > 1) ties.push([start, index]);
      start = index;
    }
  }
  return { bunches, slots, ties };
}

const outlines = new WeakMap<SyncStatus, Outline>();

/** How each section's entries are bunched (lines of one key share their candidates) and named. */
const syncedKey = (entry: SyncedEntry) => entry.backend_id;
const syncedName = (entry: SyncedEntry) => entry.local_name;
const itself = (entry: string) => entry;

function outlineOf(status: SyncStatus): Outline {
  let outline = outlines.get(status);
  if (!outline) {
    outline = {
      synced: outlineSection('synced', status.synced, syncedKey, syncedName),
      local: outlineSection('local', status.local_only, itself, itself),
      remote: outlineSection('remote', status.remote_only, itself, itself),
      syncedIds: new Set(status.synced.map((line) => line.backend_id)),
    };
    outlines.set(status, outline);
  }
  return outline;
}

/** The section's lines in the outline's order, each run of ties ordered by its search text. */
function lay<E, C, L extends SyncLine>(
  section: SectionOutline<E>,
  candidatesOf: (bunch: Bunch<E>) => (readonly C[])[],
  make: (slot: Slot<E>, candidates: readonly C[]) => L,
): L[] {
  const found = section.bunches.map(candidatesOf);
  const lines = section.slots.map((slot) => make(slot, found[slot.bunch.at]?.[slot.index] ?? NONE));
  for (const [start, end] of section.ties) {
    const run = lines.slice(start, end).sort(bySearch);
    lines.splice(start, run.length, ...run);
  }
  return lines;
}

/**
 * The local groups by backend_id and by name (oldest first), made once per list: a cold load
 * joins three times (the status alone, then with each list as it arrives), and a refresh that
 * finds a list unchanged gets the same array back from React Query.
 */
type LocalIndex = { byBackend: Map<string, OfferingGroup[]>; byName: NameIndex<OfferingGroup> };
const localIndexes = new WeakMap<readonly OfferingGroup[], LocalIndex>();

function localIndexOf(groups: readonly OfferingGroup[]): LocalIndex {
  let index = localIndexes.get(groups);
  if (!index) {
    const sorted = [...groups].sort(oldestFirst);
    index = {
      byBackend: groupBy(
        sorted.filter((group) => group.backend_id),
        (group) => group.backend_id,
      ),
      byName: nameIndex(sorted, (group) => group.name),
    };
    localIndexes.set(groups, index);
  }
  return index;
}

/** The remote groups by id and by name, made once per list. */
type RemoteIndex = { byId: Map<string, RemoteGroup>; byName: NameIndex<RemoteGroup> };
const remoteIndexes = new WeakMap<readonly RemoteGroup[], RemoteIndex>();

function remoteIndexOf(groups: readonly RemoteGroup[]): RemoteIndex {
  let index = remoteIndexes.get(groups);
  if (!index) {
    const byId = new Map<string, RemoteGroup>();
    for (const group of groups) byId.set(group.id, group);
    index = { byId, byName: nameIndex(groups, (group) => group.name) };
    remoteIndexes.set(groups, index);
  }
  return index;
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
  const join = buildJoin(outlineOf(status), localIndexOf(localGroups), remoteIndexOf(remoteGroups));
  joins.set(status, { localGroups, remoteGroups, join });
  return join;
}

/** The lines of a section of names, each given the groups of its name that `keep` allows. */
function layByName<C extends { name: string }, L extends SyncLine>(
  section: SectionOutline<string>,
  index: NameIndex<C>,
  keep: (group: C) => boolean,
  make: (slot: Slot<string>, candidates: readonly C[]) => L,
): L[] {
  const candidatesOf = (bunch: Bunch<string>) =>
    assign(
      bunch.entries,
      findByName(index, bunch.key, keep),
      (entry) => entry,
      (group) => group.name,
    );
  return lay(section, candidatesOf, make);
}

function syncedLine(id: string, entry: SyncedEntry, candidates: readonly OfferingGroup[], remote: RemoteGroup | null): SyncedLine {
  return {
    kind: 'synced',
    id,
    localName: entry.local_name,
    remoteName: entry.remote_name,
    backendId: entry.backend_id,
    candidates,
    remote,
  };
}

const localLine = (id: string, name: string, candidates: readonly OfferingGroup[]): LocalOnlyLine => ({
  kind: 'local',
  id,
  name,
  candidates,
});

const remoteLine = (id: string, name: string, candidates: readonly RemoteGroup[]): RemoteOnlyLine => ({
  kind: 'remote',
  id,
  name,
  candidates,
});

function buildJoin(outline: Outline, localIndex: LocalIndex, remoteIndex: RemoteIndex): SyncJoin {
  const { syncedIds } = outline;

  // Synced: by backend_id, then by local name among groups pointing at the same remote group.
  const synced = lay(
    outline.synced,
    (bunch) =>
      assign(
        bunch.entries,
        localIndex.byBackend.get(bunch.key) ?? NONE,
        (entry) => entry.local_name,
        (group) => group.name,
      ),
    (slot, candidates) =>
      syncedLine(slot.id, slot.bunch.entries[slot.index] as SyncedEntry, candidates, remoteIndex.byId.get(slot.bunch.key) ?? null),
  );

  // Only in Waldur: by name, among local groups that are not synced.
  const local = layByName(
    outline.local,
    localIndex.byName,
    (group) => !group.backend_id || !syncedIds.has(group.backend_id),
    (slot, candidates) => localLine(slot.id, slot.name, candidates),
  );

  // Only in Keycloak: by name, among remote groups no synced line uses.
  const remote = layByName(
    outline.remote,
    remoteIndex.byName,
    (group) => !syncedIds.has(group.id),
    (slot, candidates) => remoteLine(slot.id, slot.name, candidates),
  );
  return { synced, local, remote };
}

/** Lines whose text (names, ids, paths, role, resource) contains the filter, case-insensitively. */
export function filterLines<T extends SyncLine>(lines: readonly T[], text: string): readonly T[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter((line) => lineSearch(line).includes(needle));
}

/** The one group or remote group a line stands for: its only candidate, or the user's choice. */
export function chosen<T extends { uuid: string } | { id: string }>(candidates: readonly T[], choice: string | undefined): T | undefined {
  if (candidates.length === 1) return candidates[0];
  if (!choice) return undefined;
  return candidates.find((candidate) => ('uuid' in candidate ? candidate.uuid : candidate.id) === choice);
}
