import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { api, unwrap, unwrapPage } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import type { OfferingGroup, OfferingMembership } from '../../api/types';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { formatNumber } from '../../lib/format';
import { usernameKey, type DriftKind, type FieldDrift } from './member-lines';
import { settleInOrder, type Settled } from '../../lib/settle-in-order';
import { readRemoteMembers } from './keycloak-readback';
import { groupMemberCount } from '../../api/group-queries';

// Read where the group actions read it too (keycloak-readback), without the fixes' code.
export { readRemoteMembers };

/**
 * The fixes of member drift, shared by a group's detail and the offering's members check. Each
 * fix ends by reading Keycloak's side again and says what it saw there: a 204 from Waldur does
 * not mean Keycloak changed (its side of a delete only logs errors, spec section 3).
 */
export type FixGroup = Pick<OfferingGroup, 'uuid' | 'name' | 'backend_id' | 'offering' | 'role' | 'resource' | 'scope_id'>;

export type MemberFix =
  /** A membership created from the user's Keycloak data. */
  | { kind: 'add'; group: FixGroup; username: string; email: string }
  /** The membership deleted (the user leaves the Keycloak group too, if Keycloak is reached). */
  | { kind: 'remove'; group: FixGroup; membershipUuid: string; username: string }
  /** Deleted and created again, so that Waldur adds the user to the Keycloak group again. */
  | { kind: 'readd'; group: FixGroup; membershipUuid: string; username: string; email: string }
  /** pull_members of the whole group. */
  | { kind: 'pull'; group: FixGroup; username: string };

/** Render with `i18n._(FIX_LABEL[kind])`. */
export const FIX_LABEL: Record<MemberFix['kind'], MessageDescriptor> = {
  add: msg`Add to Waldur`,
  remove: msg`Remove from Waldur`,
  readd: msg`Re-add`,
  pull: msg`Pull members`,
};

/** A fix button's accessible name, which says whose line it fixes. */
export function fixName(fix: MemberFix): string {
  const username = fix.username;
  if (fix.kind === 'add') return t`Add ${username} to Waldur`;
  if (fix.kind === 'remove') return t`Remove ${username} from Waldur`;
  if (fix.kind === 'readd') return t`Re-add ${username}`;
  return t`Pull the group’s members for ${username}`;
}

/** Where the user stands in the Keycloak group after the fix, as read back from Keycloak. */
export type KeycloakSeen = 'in-group' | 'not-in-group' | 'unknown';

export type FixOutcome =
  | { fix: MemberFix; status: 'done'; message: string; keycloak: KeycloakSeen }
  | { fix: MemberFix; status: 'failed'; message: string; error: unknown; keycloak: KeycloakSeen; retry?: MemberFix };

/** The create body, from the group's own hyperlinks (offering, role, resource) and scope. */
export function membershipBody(group: FixGroup, username: string, email: string) {
  return { username, email, offering: group.offering, role: group.role, resource: group.resource, scope_id: group.scope_id ?? '' };
}

function createMembership(group: FixGroup, username: string, email: string): Promise<OfferingMembership> {
  return unwrap(api.POST('/api/offering-keycloak-memberships/', { body: membershipBody(group, username, email) }));
}

/** Removes a membership; one that is already gone counts as removed. */
export async function deleteMembership(uuid: string): Promise<'removed' | 'gone'> {
  try {
    await unwrap(api.DELETE('/api/offering-keycloak-memberships/{uuid}/', { params: { path: { uuid } } }));
    return 'removed';
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return 'gone';
    throw error;
  }
}

export async function readEveryMembership(groupUuid: string, signal?: AbortSignal): Promise<OfferingMembership[]> {
  const all = await fetchAllPages((page, pageSize) =>
    unwrapPage(
      api.GET('/api/offering-keycloak-memberships/', { signal, params: { query: { group_uuid: groupUuid, page, page_size: pageSize } } }),
    ),
  );
  return all.items;
}

/** A re-add whose delete went through and whose create did not: the membership is gone. */
export class ReaddIncomplete extends Error {
  constructor(override readonly cause: unknown) {
    const reason = errorMessage(cause);
    super(t`The membership was deleted, but creating it again failed: ${reason}`);
  }
}

export const LAST_MEMBER_READD = msg`This is the group’s only membership. Re-adding deletes it first, and deleting the last membership deletes the group in Waldur and Keycloak. Add the user to the Keycloak group in Keycloak instead, then check again.`;

async function seenInKeycloak(offeringUuid: string, group: FixGroup, username: string): Promise<KeycloakSeen> {
  if (!group.backend_id) return 'unknown';
  try {
    const members = await readRemoteMembers(offeringUuid, group.backend_id);
    const key = usernameKey(username);
    return members.some((user) => usernameKey(user.username) === key) ? 'in-group' : 'not-in-group';
  } catch {
    return 'unknown';
  }
}

const KEYCLOAK_WORDS: Record<KeycloakSeen, MessageDescriptor> = {
  'in-group': msg`Keycloak lists the user in the group`,
  'not-in-group': msg`Keycloak does not list the user in the group`,
  unknown: msg`Keycloak’s group could not be read, so whether the user is in it is unknown`,
};

type Step = { waldur: string; want: KeycloakSeen | null };

async function runOne(fix: MemberFix): Promise<Step> {
  switch (fix.kind) {
    case 'add': {
      const created = await createMembership(fix.group, fix.username, fix.email);
      return { waldur: created.state === 'active' ? t`Member in Waldur (active)` : t`Member in Waldur (pending)`, want: 'in-group' };
    }
    case 'remove': {
      const removed = await deleteMembership(fix.membershipUuid);
      return { waldur: removed === 'gone' ? t`Already gone from Waldur` : t`Removed from Waldur`, want: 'not-in-group' };
    }
    case 'readd': {
      if ((await groupMemberCount(fix.group.uuid)) <= 1) throw new Error(i18n._(LAST_MEMBER_READD));
      await deleteMembership(fix.membershipUuid);
      let created: OfferingMembership;
      try {
        created = await createMembership(fix.group, fix.username, fix.email);
      } catch (error) {
        throw new ReaddIncomplete(error);
      }
      return { waldur: created.state === 'active' ? t`Re-added in Waldur (active)` : t`Re-added in Waldur (pending)`, want: 'in-group' };
    }
    case 'pull': {
      const result = await unwrap(
        api.POST('/api/offering-keycloak-groups/{uuid}/pull_members/', { params: { path: { uuid: fix.group.uuid } } }),
      );
      const created = formatNumber(result.created ?? 0);
      const updated = formatNumber(result.updated ?? 0);
      return { waldur: t`Pulled: ${created} created, ${updated} updated`, want: null };
    }
  }
}

/** The fixes to run: Pull members once per group, whatever number of lines asked for it. */
export function dedupeFixes(fixes: readonly MemberFix[]): MemberFix[] {
  const pulled = new Set<string>();
  return fixes.filter((fix) => {
    if (fix.kind !== 'pull') return true;
    if (pulled.has(fix.group.uuid)) return false;
    pulled.add(fix.group.uuid);
    return true;
  });
}

/**
 * Runs fixes one after another (the order of deletions in a group matters), Pull members once
 * per group however many lines asked for it, and reports each outcome as it happens with what
 * Keycloak shows right after it. A re-add stopped half-way keeps what is needed to create the
 * membership again (`retry`).
 */
export async function runFixes(
  offeringUuid: string,
  fixes: readonly MemberFix[],
  { onOutcome, signal }: { onOutcome?: (outcome: FixOutcome, index: number) => void; signal?: AbortSignal } = {},
): Promise<FixOutcome[]> {
  const unique = dedupeFixes(fixes);
  const seen = new Map<MemberFix, KeycloakSeen>();
  const steps = new Map<MemberFix, Step>();
  const look = async (fix: MemberFix) => {
    seen.set(fix, fix.kind === 'pull' ? 'unknown' : await seenInKeycloak(offeringUuid, fix.group, fix.username));
  };
  return settleInOrder(
    unique,
    async (fix) => {
      try {
        steps.set(fix, await runOne(fix));
      } finally {
        await look(fix);
      }
      return 'done' as const;
    },
    { outcome: (fix, settled) => describeOutcome(fix, settled, steps.get(fix), seen.get(fix) ?? 'unknown'), onOutcome, signal },
  );
}

function describeOutcome(fix: MemberFix, settled: Settled<'done'>, step: Step | undefined, keycloak: KeycloakSeen): FixOutcome {
  const tail = fix.kind === 'pull' ? '' : i18n._(KEYCLOAK_WORDS[keycloak]);
  if (settled.status === 'done') {
    const surprise = step?.want && keycloak !== 'unknown' && keycloak !== step.want;
    const waldur = step?.waldur ?? t`Done`;
    // What Waldur did, then what Keycloak shows; when Keycloak shows the opposite, what that means.
    const message = !tail
      ? t`${waldur}.`
      : !surprise
        ? t`${waldur}; ${tail}.`
        : fix.kind === 'remove'
          ? t`${waldur}; ${tail}: the user may still have access there.`
          : t`${waldur}; ${tail}: Waldur did not add them there.`;
    return surprise ? { fix, status: 'failed', message, error: new Error(message), keycloak } : { fix, status: 'done', message, keycloak };
  }
  const { error } = settled;
  const reason = errorMessage(error);
  const incomplete = error instanceof ReaddIncomplete;
  return {
    fix,
    status: 'failed',
    error,
    keycloak,
    message: tail ? t`${reason} (${tail}.)` : reason,
    ...(incomplete && fix.kind === 'readd' ? { retry: { kind: 'add', group: fix.group, username: fix.username, email: fix.email } } : {}),
  };
}

/** What a drift line needs to be fixed: its kind and slim copies of both sides. */
export type FixableLine = {
  kind: DriftKind;
  username: string;
  local: { uuid: string; email: string } | null;
  remote: { email: string } | null;
  fields: readonly FieldDrift[];
};

/** The fixes a line offers: the main one, a second one, or why there is none to click. */
export function fixesFor(group: FixGroup, line: FixableLine): { main: MemberFix | null; other: MemberFix | null; why: string } {
  const pull: MemberFix = { kind: 'pull', group, username: line.username };
  const { local, remote } = line;
  switch (line.kind) {
    case 'remote-only':
      return remote?.email
        ? { main: { kind: 'add', group, username: line.username, email: remote.email }, other: null, why: '' }
        : {
            main: pull,
            other: null,
            why: t`Keycloak has no email for this user and Waldur needs one to add a single member, so Pull members adds them.`,
          };
    case 'local-only':
    case 'flagged':
      if (!local) return { main: null, other: null, why: '' };
      return {
        main: { kind: 'readd', group, membershipUuid: local.uuid, username: line.username, email: local.email },
        other: { kind: 'remove', group, membershipUuid: local.uuid, username: line.username },
        why: '',
      };
    case 'pending':
      // The line's own words (describeLine) already say why it waits and what activates it.
      return { main: remote ? pull : null, other: null, why: '' };
    case 'drift':
      return line.fields.some((field) => field.pullCopies)
        ? { main: pull, other: null, why: t`Pull members copies Keycloak’s non-empty values into Waldur.` }
        : { main: null, other: null, why: t`Keycloak’s value is empty, and Pull members keeps Waldur’s: change it in Keycloak.` };
  }
}
