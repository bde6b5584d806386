import { describe, expect, it } from 'vitest';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { diffMembers } from './member-diff';

const member = (username: string) => ({ uuid: username, username, email: '', state: 'active' }) as unknown as OfferingMembership;
const user = (username: string) => ({ id: `id-${username}`, username, email: '', first_name: '', last_name: '' }) as RemoteUser;

describe('diffMembers', () => {
  it('marks who is in both, only in Waldur and only in Keycloak', () => {
    const diff = diffMembers([member('alice'), member('Bob'), member('carol')], [user('bob'), user('dave'), user('alice')]);
    expect(diff.local.map((row) => [row.member.username, row.presence])).toEqual([
      ['alice', 'both'],
      ['Bob', 'both'],
      ['carol', 'local'],
    ]);
    expect(diff.remote.map((row) => [row.user.username, row.presence])).toEqual([
      ['alice', 'both'],
      ['bob', 'both'],
      ['dave', 'remote'],
    ]);
    expect(diff.counts).toEqual({ both: 2, localOnly: 1, remoteOnly: 1 });
  });

  it('matches unicode usernames in either normal form', () => {
    const name = 'zoë';
    const diff = diffMembers([member(name.normalize('NFD'))], [user(name)]);
    expect(diff.counts).toEqual({ both: 1, localOnly: 0, remoteOnly: 0 });
  });

  it('handles empty sides', () => {
    expect(diffMembers([], [user('x')]).counts).toEqual({ both: 0, localOnly: 0, remoteOnly: 1 });
    expect(diffMembers([member('x')], []).counts).toEqual({ both: 0, localOnly: 1, remoteOnly: 0 });
  });
});
