import type { OfferingGroup, RemoteGroup, SyncStatus } from '../../api/types';
import { localIndexOf, remoteIndexOf, type LocalIndex, type RemoteIndex } from './group-indexes';
import { assign, findByName, NONE, type NameIndex } from './name-match';
import { lay, outlineOf, type Bunch, type Outline, type SectionOutline, type Slot, type SyncedEntry } from './status-outline';
import type { LocalOnlyLine, RemoteOnlyLine, SyncedLine, SyncJoin, SyncLine } from './sync-lines';

/**
 * The last join of each sync_status answer, with the group lists it was made from. The answers
 * are React Query's cached objects, so going back to the tab (or a re-render) finds the same
 * three inputs and reuses the join instead of rebuilding it for tens of thousands of lines.
 */
const joins = new WeakMap<SyncStatus, { localGroups: readonly OfferingGroup[]; remoteGroups: readonly RemoteGroup[]; join: SyncJoin }>();

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
 *
 * The parts: the lines' types (sync-lines.ts), the order and ids the sync status alone decides
 * (status-outline.ts), the group lists' indexes (group-indexes.ts), matching by name
 * (name-match.ts) and the filter's search text (line-search.ts).
 */
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
