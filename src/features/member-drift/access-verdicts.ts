import { plural, t } from '@lingui/core/macro';
import { errorMessage } from '../../api/errors';
import { isolate } from '../../lib/bidi';

/**
 * What to tell an admin after a remove or delete that should change Keycloak, decided from
 * Waldur's answer and from reading Keycloak again. Waldur answers 204 even when its side of the
 * change in Keycloak failed (it only logs the error, spec section 3), so "removed" is said only
 * when Keycloak was read afterwards and showed it. Pure: the reads are done by the caller.
 */

/** What reading Keycloak again showed for one remote group. */
export type RemoteReadback =
  /** The Waldur group has no remote group: Keycloak is not involved. */
  | { kind: 'not-linked' }
  /** `remote_group_members` answered: the group exists, with these usernames. */
  | { kind: 'members'; usernames: readonly string[] }
  /** Keycloak answered (`remote_groups`), but has no such group any more. */
  | { kind: 'group-missing' }
  /** Keycloak could not be read, so nothing is known about it. */
  | { kind: 'unreadable'; error: unknown };

/** Waldur's answer to the delete: done, already gone (404), or refused / failed. */
export type WaldurAnswer = { status: 'removed' | 'gone' } | { status: 'failed'; error: unknown };

/**
 * - `confirmed`: Waldur did it and Keycloak shows it (or Keycloak is not involved);
 * - `still-granted`: Waldur did it, but Keycloak still grants the access;
 * - `unchecked`: Waldur did it, Keycloak could not be read;
 * - `failed`: Waldur did not do it; nothing changed.
 */
export type AccessLevel = 'confirmed' | 'still-granted' | 'unchecked' | 'failed';

export type AccessVerdict = {
  level: AccessLevel;
  /** A short title: what happened, on which side. */
  title: string;
  /** What happened in Waldur. */
  waldur: string;
  /** What was seen in Keycloak (or why nothing was). */
  keycloak: string;
  /** How to fix what is left, when something is. */
  fix: string;
};

/** Keycloak keeps usernames in lower case. */
function sameUser(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** An error's words inside a sentence: no closing full stop. */
function reason(error: unknown): string {
  return errorMessage(error).replace(/\.$/, '');
}

const q = (name: string) => `“${isolate(name)}”`;

/** The whole verdict as one paragraph, for a notification or a result row. */
export function verdictText(verdict: AccessVerdict): string {
  return [verdict.waldur, verdict.keycloak, verdict.fix].filter(Boolean).join(' ');
}

export function isWarning(level: AccessLevel): boolean {
  return level === 'still-granted' || level === 'unchecked';
}

/** After deleting an offering membership: is the user out of the Keycloak group? */
export function memberRemovalVerdict(
  member: { username: string; groupName: string },
  waldur: WaldurAnswer,
  remote: RemoteReadback,
): AccessVerdict {
  const who = isolate(member.username);
  const group = q(member.groupName);
  if (waldur.status === 'failed') {
    const errorText = errorMessage(waldur.error);
    return {
      level: 'failed',
      title: t`Could not remove ${who}`,
      waldur: t`Waldur did not remove the membership: ${errorText}`,
      keycloak: t`Nothing was changed.`,
      fix: '',
    };
  }
  const waldurWords =
    waldur.status === 'gone' ? t`${who} was no longer a member of ${group} in Waldur.` : t`Removed from ${group} in Waldur.`;
  switch (remote.kind) {
    case 'not-linked':
      return {
        level: 'confirmed',
        title: waldur.status === 'gone' ? t`Already removed` : t`${who} removed`,
        waldur: waldurWords,
        keycloak: t`The group is not linked to a Keycloak group, so Keycloak was not changed.`,
        fix: '',
      };
    case 'group-missing':
      return {
        level: 'confirmed',
        title: waldur.status === 'gone' ? t`Already removed` : t`${who} removed in Waldur and Keycloak`,
        waldur: waldurWords,
        keycloak: t`Keycloak no longer has the group, so it grants no access through it.`,
        fix: '',
      };
    case 'members':
      return remote.usernames.some((username) => sameUser(username, member.username))
        ? {
            level: 'still-granted',
            title: t`${who} still has access in Keycloak`,
            waldur: waldurWords,
            keycloak: t`Keycloak still lists ${who} in the group, so they keep the access it grants: Keycloak was not updated.`,
            fix: t`Waldur does not try again. Remove them from the group in Keycloak, or add them here again and remove them once Test connection succeeds.`,
          }
        : {
            level: 'confirmed',
            title: waldur.status === 'gone' ? t`Already removed` : t`${who} removed in Waldur and Keycloak`,
            waldur: waldurWords,
            keycloak: t`Keycloak no longer lists ${who} in the group.`,
            fix: '',
          };
    case 'unreadable': {
      const why = reason(remote.error);
      return {
        level: 'unchecked',
        title: t`${who} removed in Waldur only; Keycloak could not be checked`,
        waldur: waldurWords,
        keycloak: t`Keycloak could not be checked (${why}), so it was probably not updated: ${who} may still be in the group there and keep its access.`,
        fix: t`When Test connection succeeds, open the group’s detail: if Keycloak still lists them, add them here again and remove them, or remove them in Keycloak.`,
      };
    }
  }
}

/** After deleting an offering group: is its Keycloak group gone? */
export function groupDeletionVerdict(group: { name: string }, waldur: WaldurAnswer, remote: RemoteReadback): AccessVerdict {
  const name = q(group.name);
  if (waldur.status === 'failed') {
    const errorText = errorMessage(waldur.error);
    return {
      level: 'failed',
      title: t`Could not delete ${name}`,
      waldur: t`Waldur did not delete the group: ${errorText}`,
      keycloak: t`Nothing was changed.`,
      fix: '',
    };
  }
  const waldurWords =
    waldur.status === 'gone' ? t`The group ${name} no longer existed in Waldur.` : t`${name} and its memberships were deleted in Waldur.`;
  switch (remote.kind) {
    case 'not-linked':
      return {
        level: 'confirmed',
        title: waldur.status === 'gone' ? t`Already deleted` : t`Group deleted`,
        waldur: waldurWords,
        keycloak: t`It was not linked to a Keycloak group, so Keycloak was not changed.`,
        fix: '',
      };
    case 'group-missing':
      return {
        level: 'confirmed',
        // Keycloak has no such group: Waldur deleted it, or it was gone before; either way no
        // one can be told that Waldur deleted it in Keycloak.
        title: waldur.status === 'gone' ? t`Already deleted` : t`Group deleted; Keycloak no longer has it`,
        waldur: waldurWords,
        keycloak: t`Keycloak does not have its group (any more), so it grants no access through it.`,
        fix: '',
      };
    case 'members': {
      const count = remote.usernames.length;
      return {
        level: 'still-granted',
        title: t`Its Keycloak group still exists`,
        waldur: waldurWords,
        keycloak: plural(count, {
          0: 'Keycloak still has the group, with no members: Keycloak was not updated.',
          one: 'Keycloak still has the group, and its member keeps the access it grants: Keycloak was not updated.',
          other: 'Keycloak still has the group, and its # members keep the access it grants: Keycloak was not updated.',
        }),
        fix: t`Waldur does not try again. Delete the group in Keycloak, or import it here again and delete it once Test connection succeeds.`,
      };
    }
    case 'unreadable': {
      const why = reason(remote.error);
      return {
        level: 'unchecked',
        title: t`Group deleted in Waldur only; Keycloak could not be checked`,
        waldur: waldurWords,
        keycloak: t`Keycloak could not be checked (${why}), so it was probably not updated: the Keycloak group may still exist and grant access to its members.`,
        fix: t`When Test connection succeeds, look for it under “Only in Keycloak” on the Sync status tab, then delete it in Keycloak, or import it and delete it here.`,
      };
    }
  }
}

/** Counts of a bulk run's verdicts, for its summary. */
export function tallyVerdicts(verdicts: readonly AccessVerdict[]): Record<AccessLevel, number> {
  const tally: Record<AccessLevel, number> = { confirmed: 0, 'still-granted': 0, unchecked: 0, failed: 0 };
  for (const verdict of verdicts) tally[verdict.level] += 1;
  return tally;
}
