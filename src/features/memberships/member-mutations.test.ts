import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { OfferingMembership } from '../../api/types';
import { changeGroup, groupsEmptiedBy, memberRef, removeMembers, type MemberRef } from './member-mutations';
import { groupUuidOf, memberFilters, membersSearchSchema, uuidFromUrl } from './queries';
import { memberSchema } from './member-schema';

const ref = (uuid: string, groupUuid = 'g1'): MemberRef => ({
  uuid,
  username: uuid,
  fullName: '',
  email: '',
  groupUuid,
  groupName: groupUuid,
  roleName: 'Viewer',
  resourceName: '',
  scopeId: '',
});

const created = { uuid: 'new', username: 'alice', group_name: 'New group' } as OfferingMembership;

describe('changeGroup', () => {
  it('adds the new membership first, then removes the old one', async () => {
    const order: string[] = [];
    const result = await changeGroup(
      ref('old'),
      async () => {
        order.push('add');
        return created;
      },
      async (uuid) => {
        order.push(`remove ${uuid}`);
      },
    );
    expect(order).toEqual(['add', 'remove old']);
    expect(result).toEqual({ added: created, removed: true });
  });

  it('when adding fails, nothing is removed', async () => {
    const remove = vi.fn();
    const failure = new ApiError({ kind: 'http', status: 400, formErrors: ['This keycloak membership already exists.'], message: 'x' });
    await expect(changeGroup(ref('old'), () => Promise.reject(failure), remove)).rejects.toBe(failure);
    expect(remove).not.toHaveBeenCalled();
  });

  it('when removing fails, the new membership is reported with the error (both exist)', async () => {
    const failure = new ApiError({ kind: 'http', status: 500, message: 'Server error' });
    const result = await changeGroup(
      ref('old'),
      async () => created,
      () => Promise.reject(failure),
    );
    expect(result).toEqual({ added: created, removed: false, removeError: failure });
  });
});

describe('removeMembers', () => {
  it('removes one after another, reads Keycloak after each, and says what it saw', async () => {
    const calls: string[] = [];
    const seen: string[] = [];
    const inKeycloak = new Set(['a', 'b', 'c', 'd']);
    const outcomes = await removeMembers(
      [ref('a'), ref('b'), ref('c'), ref('d', 'g2')],
      {
        remoteGroupOf: async (groupUuid) => {
          calls.push(`link ${groupUuid}`);
          return groupUuid === 'g2' ? '' : 'kc-1';
        },
        remove: async (uuid) => {
          calls.push(uuid);
          if (uuid === 'b') throw new Error('boom');
          // Waldur answers 204 for c, but Keycloak keeps it.
          if (uuid !== 'c') inKeycloak.delete(uuid);
          return 'removed';
        },
        readBack: async (backendId) => {
          calls.push(`read ${backendId}`);
          return { kind: 'members', usernames: [...inKeycloak] };
        },
      },
      { onOutcome: (outcome) => seen.push(`${outcome.member.uuid}:${outcome.status}:${outcome.verdict.level}`) },
    );
    // The link of g1 is read once per run (its last member may take the group along).
    expect(calls).toEqual(['link g1', 'a', 'read kc-1', 'b', 'c', 'read kc-1', 'link g2', 'd']);
    expect(seen).toEqual(['a:removed:confirmed', 'b:failed:failed', 'c:removed:still-granted', 'd:removed:confirmed']);
    expect(outcomes[3]?.verdict.keycloak).toBe('The group is not linked to a Keycloak group, so Keycloak was not changed.');
  });

  it('a group that cannot be read first: the removal goes on, Keycloak is "could not be checked"', async () => {
    const [outcome] = await removeMembers([ref('a')], {
      remoteGroupOf: () => Promise.reject(new Error('offline')),
      remove: async () => 'removed',
      readBack: async () => ({ kind: 'members', usernames: [] }),
    });
    expect(outcome?.verdict.level).toBe('unchecked');
  });
});

describe('groupsEmptiedBy', () => {
  it('lists the groups whose every member is being removed', async () => {
    const counts: Record<string, number> = { g1: 2, g2: 1, g3: 5 };
    const emptied = await groupsEmptiedBy(
      [ref('a', 'g1'), ref('b', 'g1'), ref('c', 'g2'), ref('d', 'g3')],
      async (group) => counts[group] ?? 0,
    );
    expect(emptied.map((group) => group.groupUuid).sort()).toEqual(['g1', 'g2']);
  });

  it('says which emptied groups are linked: only those are deleted in Keycloak too', async () => {
    const emptied = await groupsEmptiedBy(
      [ref('a', 'g1'), ref('c', 'g2')],
      async () => 1,
      async (group) => group === 'g1',
    );
    expect(Object.fromEntries(emptied.map((group) => [group.groupUuid, group.linked]))).toEqual({ g1: true, g2: false });
  });
});

describe('membership helpers', () => {
  it('reads uuids from API URLs, with or without dashes', () => {
    expect(uuidFromUrl('http://x/api/offering-keycloak-groups/0123456789abcdef0123456789abcdef/')).toBe('0123456789abcdef0123456789abcdef');
    expect(uuidFromUrl('http://x/api/offering-keycloak-groups/01234567-89AB-CDEF-0123-456789ABCDEF/')).toBe(
      '0123456789abcdef0123456789abcdef',
    );
    expect(uuidFromUrl('')).toBe('');
    expect(groupUuidOf({ group: 'https://w/api/offering-keycloak-groups/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/' })).toBe('a'.repeat(32));
  });

  it('keeps only known states from the URL and trims the text filters', () => {
    const state = membersSearchSchema.parse({ state: ['active', 'bogus', 'pending'], username: ' alice ', page: '2' });
    expect(memberFilters(state)).toEqual({ group: '', role: '', resource: '', state: ['pending', 'active'], username: 'alice', email: '' });
    expect(state.page).toBe(2);
  });

  it('memberRef keeps who and where for confirmations across pages', () => {
    const member = {
      uuid: 'm1',
      username: 'alice',
      first_name: 'Alice',
      last_name: 'Smith',
      email: 'a@example.org',
      group: 'http://x/api/offering-keycloak-groups/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/',
      group_name: 'Viewers',
      group_role_name: 'Viewer',
      group_resource_name: null,
      group_scope_id: '',
    } as OfferingMembership;
    expect(memberRef(member)).toMatchObject({ fullName: 'Alice Smith', groupUuid: 'b'.repeat(32), resourceName: '' });
  });
});

describe('memberSchema', () => {
  const valid = { username: 'alice', email: 'alice@example.org', role: 'r', resource: '', scope_id: '' };
  it('requires username, email and role', () => {
    const result = memberSchema.safeParse({ ...valid, username: ' ', email: '', role: '' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]).sort();
    expect(fields).toEqual(['email', 'role', 'username']);
  });
  it('catches an address without "@" and leaves the rest to the server', () => {
    expect(memberSchema.safeParse({ ...valid, email: 'alice.example.org' }).success).toBe(false);
    expect(memberSchema.safeParse({ ...valid, email: 'alice@localhost' }).success).toBe(true);
  });
});
