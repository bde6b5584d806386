import { describe, expect, it } from 'vitest';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import { i18n } from '@lingui/core';
import { countKinds, describeLine, fieldDrift, KIND_LABEL, memberLines } from './member-lines';
import { KIND_COLOR } from './fix-results';
import { fixesFor, type FixGroup } from './member-fixes';
import type { DriftKind } from './member-lines';
import { membershipTone, STATE_LOOK } from '../../components/state-look';

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

describe('one vocabulary of states (issue 29, item 18)', () => {
  // The drift table, the members check and the members lists say a membership's state in the
  // same words and colour: a pending member is not grey here and yellow there, nor "Flagged"
  // here and "Error" there.
  const lines = memberLines(
    [
      member('dave', { state: 'pending' }),
      member('erin', { error_message: 'User was removed from the Keycloak group externally.' }),
      member('fay', { state: 'pending', error_message: 'Failed to sync membership with Keycloak.' }),
    ],
    [],
  );

  it('gives a line of a pending or erring membership the words and colour of its state badge', () => {
    for (const line of lines) {
      const look = STATE_LOOK[membershipTone(line.local ?? {})];
      expect(i18n._(KIND_LABEL[line.kind])).toBe(i18n._(look.label));
      expect(KIND_COLOR[line.kind]).toBe(look.color);
    }
    expect(lines.map((line) => [line.username, i18n._(KIND_LABEL[line.kind]), KIND_COLOR[line.kind]])).toEqual([
      ['dave', 'Pending', 'yellow'],
      ['erin', 'Error', 'red'],
      ['fay', 'Error', 'red'],
    ]);
  });

  it('lets an error message win over the state it comes with', () => {
    expect(membershipTone({ state: 'active', error_message: 'x' })).toBe('error');
    expect(membershipTone({ state: 'pending', error_message: 'x' })).toBe('error');
    expect(membershipTone({ state: 'pending', error_message: '' })).toBe('pending');
    expect(membershipTone({ state: 'active', error_message: null })).toBe('active');
  });
});

describe('a pending line says why it waits once (issue 29, item 18)', () => {
  const group = { uuid: 'g', name: 'G', backend_id: 'kc-g', offering: 'o', role: 'r', resource: null, scope_id: '' } as FixGroup;
  // What the drift table's "What differs" cell shows: the line's words, then why its fix is what it is.
  const shown = (line: ReturnType<typeof memberLines>[number]) => {
    const { why } = fixesFor(group, { ...line, kind: line.kind as DriftKind });
    return [describeLine(line), why].filter(Boolean).join(' ');
  };
  const count = (text: string, phrase: string) => text.split(phrase).length - 1;

  it('waiting for the user to exist in Keycloak: the periodic check is named once', () => {
    const [line] = memberLines([member('dave', { state: 'pending' })], []);
    const text = shown(line!);
    expect(text).toBe('Waiting for the user to exist in Keycloak; Waldur’s periodic check activates it then.');
  });

  it('already in the Keycloak group: Pull members is offered once', () => {
    const [line] = memberLines([member('dave', { state: 'pending' })], [user('dave')]);
    const text = shown(line!);
    expect(count(text, 'Pull members')).toBe(1);
    expect(count(text, 'already lists the user')).toBe(1);
  });
});
