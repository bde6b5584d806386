import { describe, expect, it } from 'vitest';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { joinSyncStatus } from './join';
import { lineHeight } from './line-layout';

const group = (uuid: string, name: string, backendId = ''): OfferingGroup =>
  ({ uuid, name, backend_id: backendId, role_name: 'admin', resource_name: null, scope_id: '', created: uuid }) as OfferingGroup;
const remote = (id: string, name: string): RemoteGroup => ({ id, name, path: `/${name}`, sub_group_count: 0 });

describe('lineHeight', () => {
  const join = joinSyncStatus(
    {
      synced: [
        { local_name: 'linked', remote_name: 'linked', backend_id: 'r1' },
        { local_name: 'ghost', remote_name: 'ghost', backend_id: 'gone' },
      ],
      local_only: ['alone', 'twice', 'missing'],
      remote_only: ['new', 'same', 'nowhere'],
    },
    // Two local groups named "twice" for one line, two remote groups named "same" for one line.
    [group('1', 'linked', 'r1'), group('2', 'alone'), group('3', 'twice'), group('4', 'twice')],
    [remote('r1', 'linked'), remote('n1', 'new'), remote('s1', 'same'), remote('s2', 'same')],
  );
  const none = new Map<string, string>();
  const find = <T extends { id: string }>(lines: readonly T[], id: string) => lines.find((line) => line.id === id) as T;

  it('gives a line of one candidate, or none, its name and one line of details (two when synced)', () => {
    expect(lineHeight(find(join.synced, 'synced:r1:0'), none)).toBe(77);
    expect(lineHeight(find(join.synced, 'synced:gone:0'), none)).toBe(77);
    expect(lineHeight(find(join.local, 'local:alone:0'), none)).toBe(57);
    expect(lineHeight(find(join.local, 'local:missing:0'), none)).toBe(57);
    expect(lineHeight(find(join.remote, 'remote:new:0'), none)).toBe(57);
    expect(lineHeight(find(join.remote, 'remote:nowhere:0'), none)).toBe(57);
  });

  it('adds the picker and its description to a line of several candidates, and the facts once one is chosen', () => {
    const twice = find(join.local, 'local:twice:0');
    const same = find(join.remote, 'remote:same:0');
    expect(twice.candidates).toHaveLength(2);
    expect(lineHeight(twice, none)).toBe(89);
    expect(lineHeight(twice, new Map([[twice.id, '4']]))).toBe(109);
    expect(lineHeight(same, new Map([[same.id, 's2']]))).toBe(109);
    // A choice that is not one of the candidates (the lists changed) shows no facts.
    expect(lineHeight(same, new Map([[same.id, 'other']]))).toBe(89);
  });
});
