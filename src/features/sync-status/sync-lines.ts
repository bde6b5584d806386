import type { OfferingGroup, RemoteGroup } from '../../api/types';

/**
 * The lines of the sync status diff, each joined back to the groups it can stand for (see
 * join.ts): one candidate when resolved, several when the user must choose, none when not found.
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

/** The one group or remote group a line stands for: its only candidate, or the user's choice. */
export function chosen<T extends { uuid: string } | { id: string }>(candidates: readonly T[], choice: string | undefined): T | undefined {
  if (candidates.length === 1) return candidates[0];
  if (!choice) return undefined;
  return candidates.find((candidate) => ('uuid' in candidate ? candidate.uuid : candidate.id) === choice);
}
