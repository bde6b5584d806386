import type { QueryClient } from '@tanstack/react-query';
import { api, baseUrl, unwrap } from '../../api/client';
import { deleteMembership } from '../../api/member-fixes';
import type { OfferingMembership } from '../../api/types';
import { settleInOrder } from '../../lib/settle-in-order';
import { groupUuidOf } from './queries';

/**
 * Membership writes. Waldur cannot edit a membership (PUT/PATCH answer 405): changing its group
 * is "add the new one, then remove the old one", in that order, so a failure half-way leaves
 * the user with both memberships and never with neither.
 */
export type NewMember = {
  username: string;
  email: string;
  role: string;
  resource: string;
  scope_id: string;
};

/** Who a selected or removed member is, kept across pages for confirmations and results. */
export type MemberRef = {
  uuid: string;
  username: string;
  fullName: string;
  email: string;
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
    fullName: [member.first_name, member.last_name].filter(Boolean).join(' '),
    email: member.email,
    groupUuid: groupUuidOf(member),
    groupName: member.group_name,
    roleName: member.group_role_name,
    resourceName: member.group_resource_name ?? '',
    scopeId: member.group_scope_id,
  };
}

/** The create body; role and resource as the hyperlinks Waldur's serializer resolves. */
export function createBody(offering: { uuid?: string; url?: string }, values: NewMember) {
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

export function createMember(offering: { uuid?: string; url?: string }, values: NewMember): Promise<OfferingMembership> {
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

export type RemoveOutcome = { member: MemberRef; status: 'removed' | 'gone' } | { member: MemberRef; status: 'failed'; error: unknown };

/**
 * Removes members one after another (the last member of a group takes the group with it, so
 * the order of deletions in one group matters), reporting each outcome as it happens.
 */
export function removeMembers(
  members: readonly MemberRef[],
  {
    remove = deleteMember,
    onOutcome,
    signal,
  }: {
    remove?: (uuid: string) => Promise<'removed' | 'gone'>;
    onOutcome?: (outcome: RemoveOutcome, index: number) => void;
    signal?: AbortSignal;
  } = {},
): Promise<RemoveOutcome[]> {
  return settleInOrder(members, (member) => remove(member.uuid), {
    outcome: (member, settled) => ({ member, ...settled }),
    onOutcome,
    signal,
  });
}

/**
 * Groups whose every member is in `members`: removing them all deletes the group in Waldur and
 * Keycloak. `count` gives a group's current member count.
 */
export async function groupsEmptiedBy(
  members: readonly MemberRef[],
  count: (groupUuid: string) => Promise<number>,
): Promise<{ groupUuid: string; groupName: string }[]> {
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
      return total <= entry.uuids.size ? [{ groupUuid, groupName: entry.name }] : [];
    }),
  );
  return checks.flat();
}

/** After members changed: the member lists, the groups (one may be created or deleted) and the sync status. */
export function invalidateAfterMemberChange(queryClient: QueryClient, offeringUuid: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['offering-keycloak-memberships', offeringUuid] }),
    queryClient.invalidateQueries({ queryKey: ['offering-keycloak-groups', offeringUuid] }),
    queryClient.invalidateQueries({ queryKey: ['sync-status', offeringUuid] }),
    queryClient.invalidateQueries({ queryKey: ['remote-groups', offeringUuid] }),
    queryClient.invalidateQueries({ queryKey: ['remote-group-members', offeringUuid] }),
  ]);
}
