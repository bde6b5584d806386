import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { isolate } from '../lib/bidi';
import { isRefusedByKeycloak } from './keycloak-refusal';
import type { RemoteGroup } from './types';

/**
 * Whether Keycloak still has the remote group a local group is linked to (its `backend_id`).
 *
 * Waldur's API has no "get remote group" call. `remote_groups` lists only the children of the
 * offering's group, so a group linked elsewhere in the realm is missing from it without being
 * gone. The proof is `remote_group_members` of that id: Waldur answers 400 "Unable to list
 * remote group members." both when Keycloak has no such group (python-keycloak raises on its
 * 404 "Could not find group by id") and when Keycloak cannot be reached. So a group is called
 * missing only when, in the same look, Keycloak answered `remote_groups` (it is reachable with
 * these settings) and refused the members of that id.
 *
 * - `listed`: among the offering's remote groups;
 * - `elsewhere`: not listed, but Keycloak lists its members: it exists outside the offering's group;
 * - `missing`: Keycloak answers, but not for this id: the remote group was deleted (or the realm changed);
 * - `unchecked`: linked, but Keycloak could not be read (down, refused the settings, an error):
 *   nothing is known about the remote group, and a badge must not look healthy;
 * - `unknown`: not linked, or not known yet (a read still under way).
 */
export type RemotePresence = 'listed' | 'elsewhere' | 'missing' | 'unchecked' | 'unknown';

export type PresenceInput = {
  backendId: string;
  /** The ids of the offering's remote groups (`remoteIdsOf`), when `remote_groups` answered. */
  remoteIds: ReadonlySet<string> | undefined;
  /** `remote_groups` failed (with no earlier answer to go by). */
  remoteFailed?: boolean;
  /** The result of `remote_group_members` of this id, when it was asked. */
  members?: { ok: true } | { ok: false; error: unknown };
};

export function remotePresence({ backendId, remoteIds, remoteFailed = false, members }: PresenceInput): RemotePresence {
  if (!backendId) return 'unknown';
  if (!remoteIds) return remoteFailed ? 'unchecked' : 'unknown';
  if (remoteIds.has(backendId)) return 'listed';
  if (!members) return 'unknown';
  if (members.ok) return 'elsewhere';
  return isRefusedByKeycloak(members.error) ? 'missing' : 'unchecked';
}

const idSets = new WeakMap<readonly Pick<RemoteGroup, 'id'>[], ReadonlySet<string>>();

/** The ids of a `remote_groups` answer, built once per answer (it is React Query's cached array). */
export function remoteIdsOf(remoteGroups: readonly Pick<RemoteGroup, 'id'>[] | undefined): ReadonlySet<string> | undefined {
  if (!remoteGroups) return undefined;
  let ids = idSets.get(remoteGroups);
  if (!ids) {
    ids = new Set(remoteGroups.map((group) => group.id));
    idSets.set(remoteGroups, ids);
  }
  return ids;
}

/** A linked group whose remote group is not among the offering's: only a look-up can tell. */
export function needsLookup(backendId: string, remoteIds: ReadonlySet<string> | undefined): boolean {
  return Boolean(backendId) && Boolean(remoteIds) && !remoteIds?.has(backendId);
}

/* The words of a missing or unchecked remote group: descriptors, rendered in the app's language with `i18n._`. */

export const MISSING_BADGE = msg`Linked · missing in Keycloak`;

export const UNCHECKED_BADGE = msg`Linked · Keycloak not checked`;

/** The cause, in the words errors and explanations use (the id kept left to right in right-to-left text). */
export function missingExplanation(backendId: string): MessageDescriptor {
  const id = isolate(backendId);
  return msg`Keycloak answers, but has no group with the id ${id}: it was probably deleted in Keycloak (or the offering now points at another realm).`;
}

export const MISSING_FIXES = msg`Link this group to another remote group, unlink it, or delete it.`;

export const MISSING_PULL_REASON = msg`Pull members cannot work: Keycloak no longer has the linked group. Link it to another remote group first.`;
