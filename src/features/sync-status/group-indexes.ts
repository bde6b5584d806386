import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { groupBy, nameIndex, type NameIndex } from './name-match';

/** Stable order for candidates: the server lists newest first; keep the oldest first. */
function oldestFirst(a: OfferingGroup, b: OfferingGroup): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.uuid < b.uuid ? -1 : 1;
}

/**
 * The local groups by backend_id and by name (oldest first), made once per list: a cold load
 * joins three times (the status alone, then with each list as it arrives), and a refresh that
 * finds a list unchanged gets the same array back from React Query.
 */
export type LocalIndex = { byBackend: Map<string, OfferingGroup[]>; byName: NameIndex<OfferingGroup> };
const localIndexes = new WeakMap<readonly OfferingGroup[], LocalIndex>();

export function localIndexOf(groups: readonly OfferingGroup[]): LocalIndex {
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
export type RemoteIndex = { byId: Map<string, RemoteGroup>; byName: NameIndex<RemoteGroup> };
const remoteIndexes = new WeakMap<readonly RemoteGroup[], RemoteIndex>();

export function remoteIndexOf(groups: readonly RemoteGroup[]): RemoteIndex {
  let index = remoteIndexes.get(groups);
  if (!index) {
    const byId = new Map<string, RemoteGroup>();
    for (const group of groups) byId.set(group.id, group);
    index = { byId, byName: nameIndex(groups, (group) => group.name) };
    remoteIndexes.set(groups, index);
  }
  return index;
}
