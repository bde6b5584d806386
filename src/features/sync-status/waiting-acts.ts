import type { OfferingGroup, RemoteGroup } from '../../api/types';
import type { SyncJoin, SyncLine } from './sync-lines';
import type { ListState, Lookups } from './sync-actions';

/**
 * A line's action clicked before the line knew its group. The sync status names groups only, so a
 * line shows at once and is matched to its group when the group lists arrive (20,000 local groups
 * are many pages). A click in the meantime is not lost: it waits, its button busy, and is carried
 * out when the list is read, on the group it then resolves to, or it is dropped with the reason.
 */
export type LineAct = 'pull' | 'link' | 'link-same' | 'delete' | 'import';

/** Clicks waiting for their line's group, by line id. */
export type WaitingActs = ReadonlyMap<string, LineAct>;

/**
 * Waits until a group list being read has been read (or has failed), then gives the join of the
 * lists as they are then; null when the sync status itself is gone.
 */
export type WhenRead = (list: 'local' | 'remote') => Promise<{ join: SyncJoin; lookups: Lookups } | null>;

export type Settled = { lineId: string; act: LineAct } & (
  | { kind: 'wait' }
  | { kind: 'local'; group: OfferingGroup }
  | { kind: 'remote'; group: RemoteGroup }
  /** Not carried out: several groups match (`choose`), none does, or the list could not be read. */
  | { kind: 'choose' | 'not-found' | 'failed'; line: SyncLine }
  /** The line is gone from the sync status (it was refreshed meanwhile): nothing to say it on. */
  | { kind: 'gone' }
);

/** A waiting click that was not carried out, with the reason. */
export type DroppedAct = Extract<Settled, { line: SyncLine }>;

function findLine(join: SyncJoin, lineId: string): SyncLine | undefined {
  return join.synced.find((l) => l.id === lineId) ?? join.local.find((l) => l.id === lineId) ?? join.remote.find((l) => l.id === lineId);
}

/** What becomes of a waiting click now: still waiting while its list is read, then carried out or dropped. */
export function settle(join: SyncJoin, lookups: Lookups, lineId: string, act: LineAct): Settled {
  const line = findLine(join, lineId);
  if (!line) return { lineId, act, kind: 'gone' };
  const lookup = line.kind === 'remote' ? lookups.remote : lookups.local;
  if (lookup === 'pending') return { lineId, act, kind: 'wait' };
  if (lookup === 'failed') return { lineId, act, kind: 'failed', line };
  // The click was made before any candidate was shown, so no choice between them was made.
  if (line.candidates.length > 1) return { lineId, act, kind: 'choose', line };
  if (line.kind === 'remote') {
    const [group] = line.candidates;
    return group ? { lineId, act, kind: 'remote', group } : { lineId, act, kind: 'not-found', line };
  }
  const [group] = line.candidates;
  return group ? { lineId, act, kind: 'local', group } : { lineId, act, kind: 'not-found', line };
}

/** True when the line's buttons take a click that waits: no candidate yet, its list still being read. */
export function canWait(line: SyncLine, lookup: ListState): boolean {
  return lookup === 'pending' && line.candidates.length === 0;
}
