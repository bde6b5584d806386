import { t } from '@lingui/core/macro';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { api, baseUrl, unwrap } from '../../api/client';
import { readBackRemoteGroup, remoteGroupOf } from '../member-drift/keycloak-readback';
import { invalidateOffering } from '../../api/offering-keys';
import { deleteMembership, runFixes, type MemberFix } from '../member-drift/member-fixes';
import type { OfferingMembership, OfferingMembershipBody } from '../../api/types';
import type { MemberValues } from './member-schema';
import { memberRemovalVerdict, type AccessVerdict, type RemoteReadback } from '../member-drift/access-verdicts';
import { personName, type RowPerson } from '../../lib/person-fields';
import { settleInOrder } from '../../lib/settle-in-order';
import { groupUuidOf } from './queries';

/**
 * Membership writes. Waldur cannot edit a membership (PUT/PATCH answer 405): changing its group
 * is "add the new one, then remove the old one", in that order, so a failure half-way leaves
 * the user with both memberships and never with neither.
 */

/** Who a selected or removed member is, kept across pages for confirmations and results. */
export type MemberRef = RowPerson & {
  groupUuid: string;
  groupName: string;
  roleName: string;
  resourceName: string;
  scopeId: string;
};

export function memberRef(member: OfferingMembership): MemberRef {
  return {
    uuid: member.uuid,
    username: member.username,
    fullName: personName(member),
    email: member.email,
    groupUuid: groupUuidOf(member),
    groupName: member.group_name,
    roleName: member.group_role_name,
    resourceName: member.group_resource_name ?? '',
    scopeId: member.group_scope_id,
  };
}

/** The create body; role and resource as the hyperlinks Waldur's serializer resolves. */
export function createBody(offering: { uuid?: string; url?: string }, values: MemberValues): OfferingMembershipBody {
  const root = baseUrl();
  return {
    username: values.username.trim(),
    email: values.email.trim(),
    offering: offering.url || `${root}/api/marketplace-provider-offerings/${offering.uuid ?? ''}/`,
    role: `${root}/api/marketplace-offering-user-roles/${values.role}/`,
    // The membership serializer's resource field resolves marketplace-resources URLs.
    resource: values.resource ? `${root}/api/marketplace-resources/${values.resource}/` : null,
    scope_id: values.scope_id.trim(),
  };
}

export function createMember(offering: { uuid?: string; url?: string }, values: MemberValues): Promise<OfferingMembership> {
  return unwrap(api.POST('/api/offering-keycloak-memberships/', { body: createBody(offering, values) }));
}

/** Removes a membership; one that is already gone counts as removed. */
export const deleteMember = deleteMembership;

export type ChangeGroupResult =
  { added: OfferingMembership; removed: true } | { added: OfferingMembership; removed: false; removeError: unknown };

/**
 * Step 1 adds the new membership (a failure throws: nothing changed). Step 2 removes the old one;
 * its failure is returned, not thrown, because the new membership exists by then.
 */
export async function changeGroup(
  old: Pick<MemberRef, 'uuid'>,
  add: () => Promise<OfferingMembership>,
  remove: (uuid: string) => Promise<unknown> = deleteMember,
): Promise<ChangeGroupResult> {
  const added = await add();
  try {
    await remove(old.uuid);
    return { added, removed: true };
  } catch (removeError) {
    return { added, removed: false, removeError };
  }
}

export type RemoveOutcome =
  | { member: MemberRef; status: 'removed' | 'gone'; verdict: AccessVerdict }
  | { member: MemberRef; status: 'failed'; error: unknown; verdict: AccessVerdict };

function failedOutcome(member: MemberRef, error: unknown): RemoveOutcome {
  return { member, status: 'failed', error, verdict: memberRemovalVerdict(member, { status: 'failed', error }, { kind: 'not-linked' }) };
}

/** The reads a checked removal makes around the delete; the app's by default. */
export type RemoveSteps = {
  /** The remote group the member's group is linked to ("" = not linked), read before the delete. */
  remoteGroupOf: (groupUuid: string) => Promise<string>;
  remove: (uuid: string) => Promise<'removed' | 'gone'>;
  readBack: (backendId: string) => Promise<RemoteReadback>;
};

export function removeSteps(offeringUuid: string): RemoveSteps {
  return {
    remoteGroupOf,
    remove: deleteMember,
    readBack: (backendId) => readBackRemoteGroup(offeringUuid, backendId),
  };
}

/**
 * Removes one membership and reads Keycloak's side again: Waldur answers 204 even when it could
 * not remove the user from the Keycloak group, so what the admin is told comes from that read.
 * The group's link is read before the delete, since the last membership takes the group with it.
 */
export async function removeMemberChecked(member: MemberRef, steps: RemoveSteps): Promise<RemoveOutcome> {
  let backendId: string | null;
  try {
    backendId = member.groupUuid ? await steps.remoteGroupOf(member.groupUuid) : null;
  } catch {
    // The group is gone or unreadable: the delete still says what Waldur does; Keycloak is unknown.
    backendId = null;
  }
  let status: 'removed' | 'gone';
  try {
    status = await steps.remove(member.uuid);
  } catch (error) {
    return failedOutcome(member, error);
  }
  const remote: RemoteReadback =
    backendId === null
      ? // Said to the admin inside the verdict ("Keycloak could not be checked (…)").
        { kind: 'unreadable', error: new Error(t`the group could not be read before the removal`) }
      : backendId
        ? await steps.readBack(backendId)
        : { kind: 'not-linked' };
  return { member, status, verdict: memberRemovalVerdict(member, { status }, remote) };
}

/**
 * Removes members one after another (the last member of a group takes the group with it, so
 * the order of deletions in one group matters), each checked in Keycloak right after its delete,
 * reporting each outcome as it happens.
 */
export function removeMembers(
  members: readonly MemberRef[],
  steps: RemoveSteps,
  { onOutcome, signal }: { onOutcome?: (outcome: RemoveOutcome, index: number) => void; signal?: AbortSignal } = {},
): Promise<RemoveOutcome[]> {
  const checked = new Map<MemberRef, RemoveOutcome>();
  // A group's link is read once per run: after its last member it no longer exists.
  const links = new Map<string, Promise<string>>();
  const once: RemoveSteps = {
    ...steps,
    remoteGroupOf: (groupUuid) => {
      const link = links.get(groupUuid) ?? steps.remoteGroupOf(groupUuid);
      links.set(groupUuid, link);
      return link;
    },
  };
  return settleInOrder(
    members,
    async (member) => {
      const outcome = await removeMemberChecked(member, once);
      checked.set(member, outcome);
      return 'checked' as const;
    },
    {
      outcome: (member, settled): RemoveOutcome =>
        checked.get(member) ?? failedOutcome(member, settled.status === 'failed' ? settled.error : undefined),
      onOutcome,
      signal,
    },
  );
}

/**
 * Groups whose every member is in `members`: removing them all deletes the group in Waldur and
 * Keycloak. `count` gives a group's current member count.
 */
export async function groupsEmptiedBy(
  members: readonly MemberRef[],
  count: (groupUuid: string) => Promise<number>,
  /** Whether the group is linked to a Keycloak group: only then is anything deleted in Keycloak. */
  linked: (groupUuid: string) => Promise<boolean> = async () => true,
): Promise<{ groupUuid: string; groupName: string; linked: boolean }[]> {
  const byGroup = new Map<string, { name: string; uuids: Set<string> }>();
  for (const member of members) {
    if (!member.groupUuid) continue;
    const entry = byGroup.get(member.groupUuid) ?? { name: member.groupName, uuids: new Set() };
    entry.uuids.add(member.uuid);
    byGroup.set(member.groupUuid, entry);
  }
  const checks = await Promise.all(
    [...byGroup].map(async ([groupUuid, entry]) => {
      const total = await count(groupUuid);
      return total <= entry.uuids.size ? [{ groupUuid, groupName: entry.name, linked: await linked(groupUuid) }] : [];
    }),
  );
  return checks.flat();
}

/** After members changed: see `invalidateOffering`'s table. */
export function invalidateAfterMemberChange(queryClient: QueryClient, offeringUuid: string) {
  return invalidateOffering(queryClient, offeringUuid, 'members');
}

/** The memberships feature's writes, by key (busy rows and the form's pending state find them). */
export const memberMutationKeys = {
  /** Add member, change group and its retry: one form, one write at a time. */
  form: (offeringUuid: string) => ['member-form', offeringUuid] as const,
  remove: (offeringUuid: string) => ['member-remove', offeringUuid] as const,
  readd: (offeringUuid: string) => ['member-readd', offeringUuid] as const,
};

const membersChanged = (offeringUuid: string) => [{ offering: offeringUuid, change: 'members' as const }];

/** Step 2 of Change group, checked in Keycloak: a failure in Waldur throws (both memberships stay). */
export async function removeOldMembership(offeringUuid: string, member: MemberRef): Promise<AccessVerdict> {
  const outcome = await removeMemberChecked(member, removeSteps(offeringUuid));
  if (outcome.status === 'failed') throw outcome.error;
  return outcome.verdict;
}

/** What the member form sends: the values, and for Change group the membership it replaces. */
export type MemberSave = { values: MemberValues; old: MemberRef | null };

/** A save's result; a change of group also says what Keycloak shows of the old membership. */
export type MemberSaveResult =
  { added: OfferingMembership; removed: true; oldVerdict: AccessVerdict | null } | Extract<ChangeGroupResult, { removed: false }>;

export const memberMutations = {
  /** Removes one member and reads Keycloak again: the outcome says what it shows (or why it failed). */
  remove: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: memberMutationKeys.remove(offeringUuid),
      mutationFn: (member: MemberRef) => removeMemberChecked(member, removeSteps(offeringUuid)),
      meta: { invalidates: membersChanged(offeringUuid) },
    }),

  /**
   * Adds a member to a group (Waldur creates the group in Keycloak when it has none), or changes
   * a member's group: the new membership first, then the old one removed. A failed add rejects
   * (nothing changed); a failed removal is a result (`removed: false`), since the new membership
   * exists by then.
   */
  save: (offeringUuid: string, offering: { uuid?: string; url?: string }) =>
    mutationOptions({
      mutationKey: memberMutationKeys.form(offeringUuid),
      mutationFn: async ({ values, old }: MemberSave): Promise<MemberSaveResult> => {
        const add = () => createMember(offering, values);
        if (!old) return { added: await add(), removed: true, oldVerdict: null };
        let oldVerdict: AccessVerdict | null = null;
        const result = await changeGroup(old, add, async () => {
          oldVerdict = await removeOldMembership(offeringUuid, old);
        });
        return result.removed ? { ...result, oldVerdict } : result;
      },
      meta: { invalidates: membersChanged(offeringUuid) },
    }),

  /** Removes the old membership again after a change of group stopped half-way. */
  removeOld: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: memberMutationKeys.form(offeringUuid),
      mutationFn: (old: MemberRef) => removeOldMembership(offeringUuid, old),
      meta: { invalidates: membersChanged(offeringUuid) },
    }),

  /**
   * Re-adds a flagged membership (delete it, create it again) and reads Keycloak: the outcome
   * says what happened, a stop after the delete included (with what to create again in `retry`).
   */
  readd: (offeringUuid: string) =>
    mutationOptions({
      mutationKey: memberMutationKeys.readd(offeringUuid),
      mutationFn: async ({ member, email, retry }: { member: MemberRef; email: string; retry: MemberFix | null }) => {
        // A retry creates again what the stopped one deleted, with the email as corrected.
        const again = retry ? { ...retry, email } : null;
        const fix: MemberFix = again ?? {
          kind: 'readd',
          group: await unwrap(api.GET('/api/offering-keycloak-groups/{uuid}/', { params: { path: { uuid: member.groupUuid } } })),
          membershipUuid: member.uuid,
          username: member.username,
          email,
        };
        const [outcome] = await runFixes(offeringUuid, [fix]);
        if (!outcome) throw new Error(`No outcome for the re-add of ${member.uuid}.`);
        return outcome;
      },
      meta: { invalidates: membersChanged(offeringUuid) },
    }),
};
