import { describe, expect, it } from 'vitest';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { countKinds, describeLine, fieldDrift, memberLines } from './member-lines';

const member = (username: string, extra: Partial<OfferingMembership> = {}) =>
  ({
    uuid: username,
    username,
    email: `${username}@x.org`,
    first_name: 'A',
    last_name: 'B',
    state: 'active',
    error_message: '',
    ...extra,
  }) as OfferingMembership;
const user = (username: string, extra: Partial<RemoteUser> = {}) =>
  ({ id: `id-${username}`, username, email: `${username}@x.org`, first_name: 'A', last_name: 'B', ...extra }) as RemoteUser;

describe('memberLines', () => {
  it('classifies every user of either side by its fix', () => {
    const lines = memberLines(
      [
        member('alice'),
        member('Bob', { email: 'old@x.org' }),
        member('carol'),
        member('dave', { state: 'pending' }),
        member('erin', { error_message: 'User was removed from the Keycloak group externally.' }),
      ],
      [user('alice'), user('bob'), user('frank')],
    );
    expect(lines.map((line) => [line.username, line.kind])).toEqual([
      ['alice', 'in-sync'],
      ['Bob', 'drift'],
      ['carol', 'local-only'],
      ['dave', 'pending'],
      ['erin', 'flagged'],
      ['frank', 'remote-only'],
    ]);
    expect(countKinds(lines)).toEqual({ 'in-sync': 1, drift: 1, 'local-only': 1, pending: 1, flagged: 1, 'remote-only': 1 });
  });

  it('matches unicode usernames in either normal form', () => {
    const name = 'zoë';
    expect(memberLines([member(name.normalize('NFD'), { email: 'z@x' })], [user(name, { email: 'z@x' })]).map((line) => line.kind)).toEqual(
      ['in-sync'],
    );
  });

  it('handles empty sides', () => {
    expect(memberLines([], [user('x')]).map((line) => line.kind)).toEqual(['remote-only']);
    expect(memberLines([member('x')], []).map((line) => line.kind)).toEqual(['local-only']);
    expect(memberLines([], [])).toEqual([]);
  });
});

describe('fieldDrift', () => {
  it('says which attribute differs, with both values, and whether Pull members copies it', () => {
    expect(fieldDrift({ email: 'a@x', first_name: 'Ann', last_name: 'Lee' }, { email: '', first_name: 'Anne', last_name: 'Lee' })).toEqual([
      { field: 'email', waldur: 'a@x', keycloak: '', pullCopies: false },
      { field: 'first_name', waldur: 'Ann', keycloak: 'Anne', pullCopies: true },
    ]);
  });

  it('ignores a Keycloak name that only differs past the 100 characters Waldur keeps', () => {
    const long = 'x'.repeat(150);
    expect(
      fieldDrift({ email: 'a', first_name: long.slice(0, 100), last_name: '' }, { email: 'a', first_name: long, last_name: '' }),
    ).toEqual([]);
  });

  it('describes a drift line in words', () => {
    const [line] = memberLines([member('bob', { email: 'old@x.org' })], [user('bob')]);
    expect(line && describeLine(line)).toBe('Email: Waldur “old@x.org”, Keycloak “bob@x.org”');
  });

  it('puts a pending line’s sentence before its differing fields, punctuated once', () => {
    const [line] = memberLines([member('bob', { email: 'old@x.org', state: 'pending' })], [user('bob')]);
    expect(line && describeLine(line)).toBe(
      'Waiting for Waldur, but Keycloak already lists the user in the group: Pull members activates it. Email: Waldur “old@x.org”, Keycloak “bob@x.org”',
    );
  });
});
