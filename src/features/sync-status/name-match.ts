/**
 * Matching sync status entries to the groups they name: lists indexed by name (exactly, and in
 * Unicode NFC when nothing matches exactly), and one-to-one pairing of repeated names. Maps
 * only: O(n).
 */
/** Shared by every line without candidates: a status-only join gives 30,000 of them. */
export const NONE: readonly never[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

const nfc = (value: string) => value.normalize('NFC');

/** A group list by name, and by the NFC form of the names (built when first needed). */
export type NameIndex<T> = {
  items: readonly T[];
  nameOf: (item: T) => string;
  exact: Map<string, T[]>;
  normalised: Map<string, T[]> | null;
};

export function nameIndex<T>(items: readonly T[], nameOf: (item: T) => string): NameIndex<T> {
  return { items, nameOf, exact: groupBy(items, nameOf), normalised: null };
}

/** The list itself when `keep` drops nothing (the usual case), so that no array is made per line. */
function kept<T>(list: readonly T[] | undefined, keep: (item: T) => boolean): readonly T[] {
  if (!list) return NONE;
  return list.every(keep) ? list : list.filter(keep);
}

/** The items `keep` allows with this name exactly, else those whose name is the same in NFC. */
export function findByName<T>(index: NameIndex<T>, name: string, keep: (item: T) => boolean): readonly T[] {
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
export function assign<E, C>(
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
