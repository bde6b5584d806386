import { describe, expect, it, vi } from 'vitest';
import type { OfferingMembership, RemoteUser } from '../../api/types';
import {
  addCheck,
  allFindings,
  checkedCount,
  failedGroups,
  kindCounts,
  loadState,
  missingGroups,
  retryableGroups,
  saveState,
  startState,
  unreadGroups,
} from './check-state';
import { findingsOf, RemoteGroupMissing, walkGroups, type CheckGroup, type GroupCheck } from './walk';

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

  it('gives a group’s place to the next once its own reads are answered, and reports it when the offering’s memberships come', async () => {
    const groups = Array.from({ length: 3 }, (_, i) => group(i));
    let memberships: (byGroup: Map<string, OfferingMembership[]>) => void = () => undefined;
    const all = new Promise<Map<string, OfferingMembership[]>>((resolve) => (memberships = resolve));
    const started: string[] = [];
    const checks: GroupCheck[] = [];
    const walking = walkGroups(
      groups,
      (g) => {
        started.push(g.uuid);
        return Promise.resolve({ members: all.then((byGroup) => byGroup.get(g.uuid) ?? []), remote: [user('alice')] });
      },
      { concurrency: 1, signal: new AbortController().signal, onGroup: (c) => checks.push(c), now: () => 7 },
    );
    await vi.waitFor(() => expect(started).toEqual(['g0', 'g1', 'g2']));
    // Nothing is reported before Waldur's side is there: no group is "checked" on one side.
    expect(checks).toEqual([]);
    memberships(new Map([['g1', [member('alice')]]]));
    await walking;
    expect(checks.map((c) => [c.group.uuid, c.status === 'checked' ? c.findings.map((f) => f.kind) : c.status])).toEqual([
      ['g0', ['remote-only']],
      ['g1', []],
      ['g2', ['remote-only']],
    ]);
  });

  it('fails each group waiting for the offering’s memberships when they cannot be read', async () => {
    const checks: GroupCheck[] = [];
    await walkGroups([group(0), group(1)], () => Promise.resolve({ members: Promise.reject(new Error('Bad gateway')), remote: [] }), {
      concurrency: 1,
      signal: new AbortController().signal,
      onGroup: (c) => checks.push(c),
      now: () => 7,
    });
    expect(checks.map((c) => [c.group.uuid, c.status === 'failed' ? c.error : c.status])).toEqual([
      ['g0', 'Bad gateway'],
      ['g1', 'Bad gateway'],
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
  it('tells a group Keycloak no longer has from a failure a retry can mend, by the error’s kind and not its words', async () => {
    let state = startState(3, 0);
    const controller = new AbortController();
    await walkGroups(
      [group(1), group(2), group(3)],
      async (checked) => {
        // The same words for both failures: only the kind of error tells them apart.
        if (checked.uuid === 'g1') throw new RemoteGroupMissing('Keycloak did not answer.');
        if (checked.uuid === 'g2') throw new Error('Keycloak did not answer.');
        return { members: [], remote: [] };
      },
      { signal: controller.signal, onGroup: (check) => (state = addCheck(state, check)), now: () => 1 },
    );
    expect(
      failedGroups(state)
        .map((g) => g.uuid)
        .sort(),
    ).toEqual(['g1', 'g2']);
    expect(retryableGroups(state).map((g) => g.uuid)).toEqual(['g2']);
    expect(missingGroups(state).map((g) => g.uuid)).toEqual(['g1']);
    // Kept as such in storage, whatever language the page is read in later.
    const storage = new Map<string, string>();
    const fake = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    };
    expect(saveState(fake as Storage, 'k', state)).toBe(true);
    const loaded = loadState(fake as Storage, 'k');
    expect(loaded && retryableGroups(loaded).map((g) => g.uuid)).toEqual(['g2']);
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
