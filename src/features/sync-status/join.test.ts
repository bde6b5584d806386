import { describe, expect, it } from 'vitest';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { syncStatusCsv } from './export';
import { joinSyncStatus } from './join';
import { filterLines } from './line-search';
import { chosen } from './sync-lines';

let counter = 0;
function local(name: string, backendId = '', extra: Partial<OfferingGroup> = {}): OfferingGroup {
  counter += 1;
  const uuid = counter.toString(16).padStart(32, '0');
  return {
    uuid,
    url: `http://x/api/offering-keycloak-groups/${uuid}/`,
    name,
    backend_id: backendId,
    offering: 'http://x/o/',
    offering_uuid: 'o',
    offering_name: 'Offering',
    role: 'http://x/r/',
    role_name: 'admin',
    role_scope_type: '',
    resource: null,
    resource_uuid: '',
    resource_name: null,
    scope_id: '',
    created: `2024-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000000Z`,
    modified: '2024-01-01T00:00:00.000000Z',
    ...extra,
  } as OfferingGroup;
}

function remote(id: string, name: string, path = `/base/${name}`): RemoteGroup {
  return { id, name, path, sub_group_count: 0 };
}

describe('joinSyncStatus', () => {
  it('joins synced lines by backend_id, never by name', () => {
    const a = local('alpha', 'r1');
    const decoy = local('alpha');
    const join = joinSyncStatus(
      { synced: [{ local_name: 'alpha', remote_name: 'alpha-renamed', backend_id: 'r1' }], local_only: ['alpha'], remote_only: [] },
      [decoy, a],
      [remote('r1', 'alpha-renamed')],
    );
    expect(join.synced).toHaveLength(1);
    expect(join.synced[0]?.candidates).toEqual([a]);
    expect(join.synced[0]?.remote?.path).toBe('/base/alpha-renamed');
    expect(join.local[0]?.candidates).toEqual([decoy]);
  });

  it('pairs repeated names one to one when the counts match', () => {
    const x1 = local('dup');
    const x2 = local('dup', 'gone-remote-id');
    const join = joinSyncStatus(
      { synced: [], local_only: ['dup', 'dup'], remote_only: ['twin', 'twin'] },
      [x1, x2],
      [remote('t1', 'twin', '/a/twin'), remote('t2', 'twin', '/b/twin')],
    );
    expect(join.local.map((line) => line.candidates)).toEqual([[x1], [x2]]);
    expect(join.remote.map((line) => line.candidates.map((group) => group.id)).sort()).toEqual([['t1'], ['t2']]);
    expect(new Set(join.local.map((line) => line.id)).size).toBe(2);
  });

  it('offers every candidate when a name is ambiguous', () => {
    const join = joinSyncStatus(
      { synced: [], local_only: [], remote_only: ['twin'] },
      [],
      [remote('t1', 'twin', '/a/twin'), remote('t2', 'twin', '/b/twin')],
    );
    expect(join.remote).toHaveLength(1);
    expect(join.remote[0]?.candidates.map((group) => group.id)).toEqual(['t1', 't2']);
    expect(chosen(join.remote[0]?.candidates ?? [], undefined)).toBeUndefined();
    expect(chosen(join.remote[0]?.candidates ?? [], 't2')?.path).toBe('/b/twin');
  });

  it('leaves out remote groups that synced lines use', () => {
    const join = joinSyncStatus(
      { synced: [{ local_name: 'same', remote_name: 'same', backend_id: 's1' }], local_only: [], remote_only: ['same'] },
      [local('same', 's1')],
      [remote('s1', 'same'), remote('s2', 'same', '/other/same')],
    );
    expect(join.remote[0]?.candidates.map((group) => group.id)).toEqual(['s2']);
  });

  it('pairs two local groups linked to the same remote group by name', () => {
    const a = local('one', 'shared');
    const b = local('two', 'shared');
    const join = joinSyncStatus(
      {
        synced: [
          { local_name: 'two', remote_name: 'r', backend_id: 'shared' },
          { local_name: 'one', remote_name: 'r', backend_id: 'shared' },
        ],
        local_only: [],
        remote_only: [],
      },
      [a, b],
      [remote('shared', 'r')],
    );
    expect(join.synced.map((line) => [line.localName, line.candidates[0]?.uuid])).toEqual([
      ['one', a.uuid],
      ['two', b.uuid],
    ]);
  });

  it('handles empty names', () => {
    const blank = local('');
    const join = joinSyncStatus({ synced: [], local_only: ['', ''], remote_only: [''] }, [blank], [remote('e1', '', '/')]);
    expect(join.local).toHaveLength(2);
    expect(join.local.every((line) => line.candidates.length === 1 && line.candidates[0] === blank)).toBe(true);
    expect(join.remote[0]?.candidates[0]?.id).toBe('e1');
  });

  it('keeps unicode names exact and falls back to NFC', () => {
    const composed = 'Équipe ✓ مرحبا 👩‍🔬';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const group = local(composed);
    const join = joinSyncStatus({ synced: [], local_only: [decomposed], remote_only: ['日本語'] }, [group], [remote('j1', '日本語')]);
    expect(join.local[0]?.candidates).toEqual([group]);
    expect(join.remote[0]?.candidates[0]?.id).toBe('j1');
    expect(filterLines(join.remote, '日本')).toHaveLength(1);
  });

  it('reports lines it cannot find', () => {
    const join = joinSyncStatus(
      { synced: [{ local_name: 'ghost', remote_name: 'ghost', backend_id: 'g' }], local_only: ['missing'], remote_only: ['nowhere'] },
      [],
      [],
    );
    expect(join.synced[0]?.candidates).toEqual([]);
    expect(join.synced[0]?.remote).toBeNull();
    expect(join.local[0]?.candidates).toEqual([]);
    expect(join.remote[0]?.candidates).toEqual([]);
  });

  it('sorts lines by name and filters on names, ids and paths', () => {
    const join = joinSyncStatus(
      { synced: [], local_only: [], remote_only: ['b', 'A', 'c10', 'c9'] },
      [],
      [remote('id-a', 'A', '/x/A'), remote('id-b', 'b')],
    );
    expect(join.remote.map((line) => line.name)).toEqual(['A', 'b', 'c9', 'c10']);
    expect(filterLines(join.remote, 'ID-B').map((line) => line.name)).toEqual(['b']);
    expect(filterLines(join.remote, '/x/').map((line) => line.name)).toEqual(['A']);
    expect(filterLines(join.remote, '  ')).toHaveLength(4);
  });

  it('stays linear on 10,000 lines per section with many duplicates', () => {
    const n = 10_000;
    const locals: OfferingGroup[] = [];
    const remotes: RemoteGroup[] = [];
    const synced = [];
    const localOnly: string[] = [];
    const remoteOnly: string[] = [];
    for (let index = 0; index < n; index += 1) {
      locals.push(local(`s${index}`, `rid${index}`));
      remotes.push(remote(`rid${index}`, `s${index}`));
      synced.push({ local_name: `s${index}`, remote_name: `s${index}`, backend_id: `rid${index}` });
      const dupName = `l${index % 50}`;
      locals.push(local(dupName));
      localOnly.push(dupName);
      remotes.push(remote(`ro${index}`, `r${index % 7}`));
      remoteOnly.push(`r${index % 7}`);
    }
    const started = performance.now();
    const join = joinSyncStatus({ synced, local_only: localOnly, remote_only: remoteOnly }, locals, remotes);
    const elapsed = performance.now() - started;
    expect(join.synced).toHaveLength(n);
    expect(join.local).toHaveLength(n);
    expect(join.remote).toHaveLength(n);
    expect(join.local.every((line) => line.candidates.length === 1)).toBe(true);
    expect(new Set(join.local.map((line) => line.candidates[0]?.uuid)).size).toBe(n);
    // A nested scan would take tens of seconds here; the map join takes well under one.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('joinSyncStatus order', () => {
  it('orders lines whose names the collator finds equal by their details, as it orders the rest by name', () => {
    const status = { synced: [], local_only: [], remote_only: ['Beta', 'beta', 'alpha10', 'Alpha9'] };
    // Without the remote groups the two betas cannot be told apart: they keep the answer's order.
    expect(joinSyncStatus(status, [], []).remote.map((line) => line.name)).toEqual(['Alpha9', 'alpha10', 'Beta', 'beta']);
    const join = joinSyncStatus(status, [], [remote('r2', 'Beta'), remote('r1', 'beta'), remote('r3', 'alpha10'), remote('r4', 'Alpha9')]);
    expect(join.remote.map((line) => [line.name, line.candidates[0]?.id])).toEqual([
      ['Alpha9', 'r4'],
      ['alpha10', 'r3'],
      ['beta', 'r1'],
      ['Beta', 'r2'],
    ]);
  });

  it('joins the same after a join of the status alone as on its own', () => {
    const status = {
      synced: [
        { local_name: 'b', remote_name: 'b', backend_id: 'rb' },
        { local_name: 'a', remote_name: 'a', backend_id: 'ra' },
      ],
      local_only: ['dup', 'dup', 'solo'],
      remote_only: ['x', 'X'],
    };
    const locals = [local('a', 'ra'), local('b', 'rb'), local('dup'), local('dup'), local('solo')];
    const remotes = [remote('ra', 'a'), remote('rb', 'b'), remote('x1', 'x'), remote('x2', 'X')];
    const early = joinSyncStatus(status, [], []);
    expect(early.synced.map((line) => [line.localName, line.candidates.length, line.remote])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
    ]);
    const later = joinSyncStatus(status, locals, remotes);
    expect(later).toEqual(joinSyncStatus(structuredClone(status), locals, remotes));
    expect(later.local.map((line) => line.id)).toEqual(early.local.map((line) => line.id));
    expect(later.synced.map((line) => line.candidates[0]?.name)).toEqual(['a', 'b']);
  });
});

describe('syncStatusCsv', () => {
  it('writes one row per line with ambiguity noted', () => {
    const join = joinSyncStatus(
      { synced: [], local_only: ['=cmd'], remote_only: ['twin'] },
      [local('=cmd')],
      [remote('t1', 'twin'), remote('t2', 'twin')],
    );
    const csv = syncStatusCsv(join).split('\r\n');
    expect(csv[0]).toBe('Status,Local name,Remote name,Remote group ID,Remote path,Local group UUID,Role,Resource,Scope ID,Note');
    expect(csv[1]).toMatch(/^Only in Waldur,'=cmd,,,,/);
    expect(csv[2]).toBe('Only in Keycloak,,twin,t1 | t2,/base/twin | /base/twin,,,,,Ambiguous: 2 remote groups match');
  });
});

describe('joinSyncStatus cache', () => {
  it('reuses the join for the same three answers and builds a new one when one changes', () => {
    const status: Parameters<typeof joinSyncStatus>[0] = { synced: [], local_only: [], remote_only: [] };
    const local: Parameters<typeof joinSyncStatus>[1] = [];
    const remote: Parameters<typeof joinSyncStatus>[2] = [];
    const first = joinSyncStatus(status, local, remote);
    expect(joinSyncStatus(status, local, remote)).toBe(first);
    expect(joinSyncStatus(status, [], remote)).not.toBe(first);
  });
});
