import type { RemoteGroup } from '../../api/types';
import type { SyncJoin } from './sync-lines';

const partnersOf = new WeakMap<SyncJoin, ReadonlyMap<string, RemoteGroup>>();
const NONE: ReadonlyMap<string, RemoteGroup> = new Map();

/**
 * The same-name pairs of a diff: for an "Only in Waldur" line, the remote group of the one
 * "Only in Keycloak" line of the same name (names equal, or equal in Unicode NFC). Only pairs
 * that leave no choice: one Waldur line of that name standing for one local group, and one
 * Keycloak line standing for one remote group. Where names repeat, the Link dialog lists the
 * same-named remote groups first and the admin chooses. Keyed by the Waldur line's id.
 */
export function sameNamePartners(join: SyncJoin): ReadonlyMap<string, RemoteGroup> {
  const cached = partnersOf.get(join);
  if (cached) return cached;
  // Before both group lists are read no line has a candidate: skip normalising 20,000 names
  // (20 ms on the first render of a large diff).
  if (join.local.every((line) => line.candidates.length === 0) || join.remote.every((line) => line.candidates.length === 0)) return NONE;
  const count = (names: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  };
  const localCounts = count(join.local.map((line) => line.name.normalize('NFC')));
  const remoteCounts = count(join.remote.map((line) => line.name.normalize('NFC')));
  const remoteByName = new Map<string, RemoteGroup>();
  for (const line of join.remote) {
    const name = line.name.normalize('NFC');
    const [group] = line.candidates;
    if (remoteCounts.get(name) === 1 && line.candidates.length === 1 && group) remoteByName.set(name, group);
  }
  const partners = new Map<string, RemoteGroup>();
  for (const line of join.local) {
    const name = line.name.normalize('NFC');
    const remote = remoteByName.get(name);
    if (remote && localCounts.get(name) === 1 && line.candidates.length === 1) partners.set(line.id, remote);
  }
  partnersOf.set(join, partners);
  return partners;
}
