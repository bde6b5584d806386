import { ApiError } from '../../api/errors';
import { isRefusedByKeycloak } from '../../api/keycloak-refusal';
import type { SyncStatus } from '../../api/types';

/**
 * What the offering's health line may say, from what the servers answered and nothing else:
 * whether Keycloak could be read (the latest of Waldur's reads of it: the sync status, the
 * remote groups, a connection test) and the drift counts of the last sync status Waldur sent.
 */

/** One read of Keycloak through Waldur: it answered (`ok`), or how it failed. */
export type KeycloakRead = { ok: true; at: number } | { ok: false; at: number; error: unknown };

export type Reach =
  /** Waldur read Keycloak at `at`. */
  | { state: 'reachable'; at: number }
  /** Waldur answered that it could not read Keycloak with the offering's settings. */
  | { state: 'unreachable'; at: number }
  /** Waldur itself did not answer (5xx, network, timeout): Keycloak was not checked. */
  | { state: 'no-answer'; at: number }
  /** Nothing has asked Keycloak yet (or only what this user may not ask). */
  | { state: 'not-checked' };

export type Drift = { synced: number; localOnly: number; remoteOnly: number; at: number };

export type Health = {
  reach: Reach;
  /** The counts of the last sync status Waldur sent, with its time; null when none came. */
  drift: Drift | null;
  /** The sync status was refused to this user (403): they are told so, not given counts. */
  forbidden: boolean;
};

/** A read's outcome as a fact about Keycloak, or null when it says nothing about it (403, 401, 404). */
function reachOf(read: KeycloakRead): Reach | null {
  if (read.ok) return { state: 'reachable', at: read.at };
  if (isRefusedByKeycloak(read.error)) return { state: 'unreachable', at: read.at };
  if (read.error instanceof ApiError && !read.error.isTransient) return null;
  // A connection test that Waldur answered 200 without "ok" is a refusal too (RefusedTest).
  if (!(read.error instanceof ApiError)) return { state: 'unreachable', at: read.at };
  return { state: 'no-answer', at: read.at };
}

/** The latest fact about Keycloak among the reads (later wins; a tie goes to the failure). */
export function latestReach(reads: readonly (KeycloakRead | null | undefined)[]): Reach {
  let latest: Reach = { state: 'not-checked' };
  for (const read of reads) {
    if (!read) continue;
    const reach = reachOf(read);
    if (!reach || reach.state === 'not-checked') continue;
    if (latest.state === 'not-checked' || reach.at > latest.at || (reach.at === latest.at && reach.state !== 'reachable')) latest = reach;
  }
  return latest;
}

/** A query's last answer and last failure as reads of Keycloak (the later one counts). */
export function readsOfQuery(query: { data?: unknown; dataUpdatedAt: number; error: unknown; errorUpdatedAt: number }): KeycloakRead[] {
  const reads: KeycloakRead[] = [];
  if (query.data !== undefined && query.dataUpdatedAt) reads.push({ ok: true, at: query.dataUpdatedAt });
  if (query.error && query.errorUpdatedAt) reads.push({ ok: false, at: query.errorUpdatedAt, error: query.error });
  return reads;
}

export function offeringHealth({
  status,
  otherReads,
}: {
  status: { data?: SyncStatus; dataUpdatedAt: number; error: unknown; errorUpdatedAt: number };
  /** Other reads of Keycloak (the remote groups, the last connection test). */
  otherReads: readonly (KeycloakRead | null | undefined)[];
}): Health {
  const forbidden = status.error instanceof ApiError && status.error.isForbidden && status.data === undefined;
  const drift = status.data
    ? {
        synced: status.data.synced.length,
        localOnly: status.data.local_only.length,
        remoteOnly: status.data.remote_only.length,
        at: status.dataUpdatedAt,
      }
    : null;
  return { reach: latestReach([...readsOfQuery(status), ...otherReads]), drift, forbidden };
}
