import { describe, expect, it } from 'vitest';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { joinSyncStatus } from './join';
import { canWait, settle } from './waiting-acts';

const group = (uuid: string, name: string, backendId = ''): OfferingGroup => ({ uuid, name, backend_id: backendId }) as OfferingGroup;
const remote = (id: string, name: string): RemoteGroup => ({ id, name, path: `/${name}`, sub_group_count: 0 });
const status = { synced: [{ local_name: 'a', remote_name: 'a', backend_id: 'r-a' }], local_only: ['b'], remote_only: ['c'] };

describe('a click waiting for its line’s group', () => {
  const early = joinSyncStatus(status, [], []);
  const [a] = early.synced;
  const [c] = early.remote;

  it('is taken only while the line has no candidate and its list is being read', () => {
    expect(canWait(a!, 'pending')).toBe(true);
    expect(canWait(a!, 'failed')).toBe(false);
    expect(canWait(a!, 'fetched')).toBe(false);
    const read = joinSyncStatus(status, [group('u-a', 'a', 'r-a')], []);
    expect(canWait(read.synced[0]!, 'pending')).toBe(false);
  });

  it('waits while its own list is read, whatever the other list does', () => {
    expect(settle(early, { local: 'pending', remote: 'fetched' }, a!.id, 'pull').kind).toBe('wait');
    expect(settle(early, { local: 'fetched', remote: 'pending' }, c!.id, 'import').kind).toBe('wait');
  });

  it('is carried out on the one group found, local or remote', () => {
    const read = joinSyncStatus(status, [group('u-a', 'a', 'r-a')], [remote('r-a', 'a'), remote('r-c', 'c')]);
    expect(settle(read, { local: 'fetched', remote: 'fetched' }, a!.id, 'pull')).toMatchObject({ kind: 'local', group: { uuid: 'u-a' } });
    expect(settle(read, { local: 'fetched', remote: 'fetched' }, c!.id, 'import')).toMatchObject({ kind: 'remote', group: { id: 'r-c' } });
  });

  it('is dropped, with the reason, when the list failed, nothing matched, or the line is gone', () => {
    expect(settle(early, { local: 'failed', remote: 'fetched' }, a!.id, 'pull').kind).toBe('failed');
    expect(settle(early, { local: 'fetched', remote: 'fetched' }, a!.id, 'pull').kind).toBe('not-found');
    expect(
      settle(
        joinSyncStatus({ synced: [], local_only: [], remote_only: [] }, [], []),
        { local: 'fetched', remote: 'fetched' },
        a!.id,
        'pull',
      ).kind,
    ).toBe('gone');
  });
});
