import { describe, expect, it } from 'vitest';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import {
  addCheck,
  allFindings,
  checkedCount,
  failedGroups,
  kindCounts,
  loadState,
  retryableGroups,
  saveState,
  startState,
  unreadGroups,
} from './check-state';
import { MissingRemoteGroupError, findingsOf, walkGroups, type CheckGroup, type GroupCheck } from './walk';

const group = (n: number): CheckGroup => ({
  uuid: `g${n}`,
  name: `group ${n}`,
  backend_id: `kc-${n}`,
  offering: 'o',
  role: 'r',
  resource: null,
  scope_id: '',
  role_name: 'Viewer',
  resource_name: null,
});
const member = (username: string, extra: Partial<OfferingMembership> = {}) =>
  ({
    uuid: `m-${username}`,
    username,
    email: `${username}@x`,
    first_name: '',
    last_name: '',
    state: 'active',
    error_message: '',
    ...extra,
  }) as OfferingMembership;
const user = (username: string, extra: Partial<RemoteUser> = {}) =>
  ({ id: username, username, email: `${username}@x`, first_name: '', last_name: '', ...extra }) as RemoteUser;

/** A reader that resolves when the test says so, to see the concurrency bound and the cancel. */
function gatedReader(data: (g: CheckGroup) => { members: OfferingMembership[]; remote: RemoteUser[] } | Error) {
  const waiting: { group: CheckGroup; release: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const read = (g: CheckGroup, signal: AbortSignal) =>
    new Promise<{ members: OfferingMembership[]; remote: RemoteUser[] }>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      signal.addEventListener('abort', () => reject(new Error('aborted')));
      waiting.push({
        group: g,
        release: () => {
          inFlight -= 1;
          const value = data(g);
          if (value instanceof Error) reject(value);
          else resolve(value);
        },
      });
    });
  const releaseAll = async () => {
    while (waiting.length) {
      waiting.shift()?.release();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { read, waiting, releaseAll, max: () => maxInFlight };
}

describe('walkGroups', () => {
  it('reads every group, at most `concurrency` at a time, and reduces each to its findings', async () => {
    const groups = Array.from({ length: 10 }, (_, i) => group(i));
    const reader = gatedReader((g) =>
      g.uuid === 'g3'
        ? { members: [member('alice', { email: 'old@x' }), member('bob')], remote: [user('alice'), user('carol')] }
        : { members: [], remote: [] },
    );
    const checks: GroupCheck[] = [];
    const walking = walkGroups(groups, reader.read, {
      concurrency: 3,
      signal: new AbortController().signal,
      onGroup: (c) => checks.push(c),
      now: () => 7,
    });
    await Promise.resolve();
    expect(reader.waiting).toHaveLength(3);
    await reader.releaseAll();
    await walking;
    expect(reader.max()).toBe(3);
    expect(checks).toHaveLength(10);
    const g3 = checks.find((c) => c.group.uuid === 'g3');
    expect(g3?.status === 'checked' && g3.findings.map((f) => [f.username, f.kind])).toEqual([
      ['alice', 'drift'],
      ['bob', 'local-only'],
      ['carol', 'remote-only'],
    ]);
  });

  it('keeps what it found when cancelled half-way, and a failed group fails alone', async () => {
    const groups = Array.from({ length: 6 }, (_, i) => group(i));
    const reader = gatedReader((g) =>
      g.uuid === 'g1' ? new Error('Unable to list remote group members.') : { members: [member('x')], remote: [] },
    );
    const controller = new AbortController();
    let state = startState(groups.length, 0);
    const walking = walkGroups(groups, reader.read, {
      concurrency: 2,
      signal: controller.signal,
      onGroup: (c) => (state = addCheck(state, c)),
      now: () => 1,
    });
    await Promise.resolve();
    reader.waiting.shift()?.release();
    reader.waiting.shift()?.release();
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await walking;
    expect(checkedCount(state)).toBe(1);
    expect(failedGroups(state).map((g) => g.uuid)).toEqual(['g1']);
    expect(unreadGroups(state, groups).map((g) => g.uuid)).toEqual(['g2', 'g3', 'g4', 'g5']);
    expect(kindCounts(allFindings(state))).toEqual({ 'remote-only': 0, 'local-only': 1, drift: 0, pending: 0, flagged: 0 });
  });
});

describe('check state', () => {
  it('a retry leaves out the groups whose remote group is gone, told by the error type, not its words', async () => {
    const groups = [group(1), group(2), group(3)];
    let state = startState(groups.length, 0);
    await walkGroups(
      groups,
      (g) =>
        Promise.reject(
          g.uuid === 'g1'
            ? // In German: the decision must not depend on the words of the app's language.
              new MissingRemoteGroupError('Verknüpft · fehlt in Keycloak. Keycloak hat die Gruppe kc-1 nicht mehr.')
            : g.uuid === 'g2'
              ? // English words that once marked a missing group, on an ordinary read failure: still retried.
                new Error('Linked · missing in Keycloak. Unable to list remote group members.')
              : new Error('Keycloak antwortet nicht.'),
        ),
      { signal: new AbortController().signal, onGroup: (c) => (state = addCheck(state, c)), now: () => 1 },
    );
    expect(failedGroups(state).map((g) => g.uuid)).toEqual(['g1', 'g2', 'g3']);
    expect(retryableGroups(state).map((g) => g.uuid)).toEqual(['g2', 'g3']);
    // What localStorage keeps tells it after a reload.
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage;
    saveState(fake, 'k', state);
    const reloaded = loadState(fake, 'k');
    expect(reloaded && retryableGroups(reloaded).map((g) => g.uuid)).toEqual(['g2', 'g3']);
  });

  it('a re-check of a group replaces its earlier result', () => {
    let state = startState(1, 0);
    state = addCheck(state, { status: 'failed', group: group(1), error: 'x', at: 1 });
    state = addCheck(state, { status: 'checked', group: group(1), members: 0, remoteMembers: 0, findings: [], at: 2 });
    expect(state.results).toEqual({});
    expect(state.clean).toEqual(['g1']);
    expect(state.readAt).toBe(2);
  });

  it('keeps one row object per finding while results come in, sorted by group and username', () => {
    const checked = (n: number, usernames: string[]): GroupCheck => ({
      status: 'checked',
      group: group(n),
      members: usernames.length,
      remoteMembers: 0,
      findings: findingsOf(
        group(n),
        usernames.map((username) => member(username)),
        [],
      ),
      at: n,
    });
    let state = addCheck(startState(3, 0), checked(2, ['bob', 'al']));
    const before = allFindings(state);
    state = addCheck(state, checked(1, ['cy']));
    const after = allFindings(state);
    expect(after.map((row) => `${row.group.name}/${row.username}`)).toEqual(['group 1/cy', 'group 2/al', 'group 2/bob']);
    // The rows of group 2 moved down one place; they are the same objects (memoized table rows).
    expect(after.slice(1)).toEqual(before);
    expect(after[1]).toBe(before[0]);
    expect(after[2]).toBe(before[1]);
    // A re-check of group 2 makes new findings, so new rows.
    state = addCheck(state, checked(2, ['bob', 'al']));
    expect(allFindings(state)[1]).not.toBe(before[0]);
  });

  it('survives a reload, and a check that was running comes back as interrupted', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const state = addCheck(startState(2, 5), { status: 'checked', group: group(1), members: 1, remoteMembers: 0, findings: [], at: 6 });
    expect(saveState(storage, 'k', state)).toBe(true);
    expect(loadState(storage, 'k')).toEqual({ ...state, status: 'interrupted' });
    store.set('k', '{not json');
    expect(loadState(storage, 'k')).toBeNull();
  });
});
