import type { SyncStatus } from '../../api/types';
import { lineSearch } from './line-search';
import { NONE } from './name-match';
import { compareNames } from './name-order';
import type { SyncLine } from './sync-lines';

export type SyncedEntry = SyncStatus['synced'][number];

/** Status entries that share a key (a backend_id, or a name), in the answer's order. */
export type Bunch<E> = { key: string; at: number; entries: E[] };

/** One line of a section as the sync status alone gives it: the join adds its candidates. */
export type Slot<E> = { id: string; name: string; bunch: Bunch<E>; index: number };

/** A section in display order, and the runs of lines whose names the collator finds equal. */
export type SectionOutline<E> = { bunches: Bunch<E>[]; slots: Slot<E>[]; ties: [start: number, end: number][] };

/**
 * What the sync status alone decides: the lines, their ids and their order by name. It does not
 * depend on the group lists, so it is made once per sync_status answer and every later join
 * (the local groups arriving, then the remote groups) reuses it instead of sorting again.
 */
export type Outline = {
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

export function outlineOf(status: SyncStatus): Outline {
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
export function lay<E, C, L extends SyncLine>(
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
