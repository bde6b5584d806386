import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { groupDeletionVerdict, memberRemovalVerdict, tallyVerdicts, verdictText, type RemoteReadback } from './access-verdicts';

const alice = { username: 'alice', groupName: 'Researchers' };
const unreachable = new ApiError({
  kind: 'http',
  status: 400,
  formErrors: ['Unable to list remote group members.'],
  message: 'Unable to list remote group members.',
});
const unreadable: RemoteReadback = { kind: 'unreadable', error: unreachable };

describe('memberRemovalVerdict', () => {
  it('says "removed in Waldur and Keycloak" only when Keycloak no longer lists the user', () => {
    const verdict = memberRemovalVerdict(alice, { status: 'removed' }, { kind: 'members', usernames: ['bob', 'carol'] });
    expect(verdict.level).toBe('confirmed');
    expect(verdict.title).toBe('alice removed in Waldur and Keycloak');
    expect(verdictText(verdict)).toBe('Removed from “Researchers” in Waldur. Keycloak no longer lists alice in the group.');
  });

  it('a 204 with the user still in the Keycloak group: still has access, with the fix', () => {
    // Keycloak keeps usernames in lower case; Waldur's may differ in case.
    const verdict = memberRemovalVerdict({ ...alice, username: 'Alice' }, { status: 'removed' }, { kind: 'members', usernames: ['alice'] });
    expect(verdict.level).toBe('still-granted');
    expect(verdict.title).toBe('Alice still has access in Keycloak');
    expect(verdict.keycloak).toContain('they keep the access it grants: Keycloak was not updated');
    expect(verdict.fix).toContain('Remove them from the group in Keycloak');
    expect(verdictText(verdict)).not.toMatch(/removed in Waldur and Keycloak/i);
  });

  it('Keycloak unreadable after the delete: never "removed", says it could not be checked', () => {
    const verdict = memberRemovalVerdict(alice, { status: 'removed' }, unreadable);
    expect(verdict.level).toBe('unchecked');
    expect(verdict.title).toBe('alice removed in Waldur only; Keycloak could not be checked');
    expect(verdict.keycloak).toBe(
      'Keycloak could not be checked (Unable to list remote group members), so it was probably not updated: alice may still be in the group there and keep its access.',
    );
    expect(verdict.fix).toContain('When Test connection succeeds');
  });

  it('the group gone from Keycloak (its last member took it along) counts as confirmed', () => {
    const verdict = memberRemovalVerdict(alice, { status: 'removed' }, { kind: 'group-missing' });
    expect(verdict.level).toBe('confirmed');
    expect(verdict.keycloak).toBe('Keycloak no longer has the group, so it grants no access through it.');
  });

  it('an unlinked group: Waldur only, and says Keycloak was not involved', () => {
    const verdict = memberRemovalVerdict(alice, { status: 'gone' }, { kind: 'not-linked' });
    expect(verdict).toMatchObject({ level: 'confirmed', title: 'Already removed' });
    expect(verdictText(verdict)).toBe(
      'alice was no longer a member of “Researchers” in Waldur. The group is not linked to a Keycloak group, so Keycloak was not changed.',
    );
  });

  it('Waldur refused: failed, nothing changed', () => {
    const error = new ApiError({ kind: 'http', status: 403, message: 'You do not have permission to perform this action.' });
    const verdict = memberRemovalVerdict(alice, { status: 'failed', error }, unreadable);
    expect(verdict.level).toBe('failed');
    expect(verdictText(verdict)).toBe(
      'Waldur did not remove the membership: You do not have permission to perform this action. Nothing was changed.',
    );
  });
});

describe('groupDeletionVerdict', () => {
  const group = { name: 'GPU users' };
  it('confirmed only when Keycloak no longer has the group, without claiming Waldur deleted it there', () => {
    // The remote group may have been gone before the delete (Legacy HPC users): Keycloak's
    // answer does not say who deleted it.
    const verdict = groupDeletionVerdict(group, { status: 'removed' }, { kind: 'group-missing' });
    expect(verdict).toMatchObject({ level: 'confirmed', title: 'Group deleted; Keycloak no longer has it' });
    expect(verdictText(verdict)).not.toMatch(/deleted in (Waldur and )?Keycloak/);
  });

  it('the Keycloak group still there: its members keep access, with the fix', () => {
    const verdict = groupDeletionVerdict(group, { status: 'removed' }, { kind: 'members', usernames: ['a', 'b', 'c'] });
    expect(verdict.level).toBe('still-granted');
    expect(verdict.keycloak).toBe('Keycloak still has the group, and its 3 members keep the access it grants: Keycloak was not updated.');
    expect(verdict.fix).toContain('Delete the group in Keycloak');
  });

  it('Keycloak unreadable: deleted in Waldur only', () => {
    const verdict = groupDeletionVerdict(group, { status: 'removed' }, unreadable);
    expect(verdict.level).toBe('unchecked');
    expect(verdict.title).toBe('Group deleted in Waldur only; Keycloak could not be checked');
  });

  it('not linked: Keycloak was not changed', () => {
    expect(verdictText(groupDeletionVerdict(group, { status: 'removed' }, { kind: 'not-linked' }))).toBe(
      '“GPU users” and its memberships were deleted in Waldur. It was not linked to a Keycloak group, so Keycloak was not changed.',
    );
  });
});

it('tallyVerdicts counts each level', () => {
  const verdicts = [
    memberRemovalVerdict(alice, { status: 'removed' }, { kind: 'members', usernames: [] }),
    memberRemovalVerdict(alice, { status: 'removed' }, unreadable),
    memberRemovalVerdict(alice, { status: 'removed' }, { kind: 'members', usernames: ['alice'] }),
  ];
  expect(tallyVerdicts(verdicts)).toEqual({ confirmed: 1, 'still-granted': 1, unchecked: 1, failed: 0 });
});
