import { describe, expect, it } from 'vitest';
import type { RancherMembership } from '../../api/types';
import { moveMembership, moveOrder } from './mutations';

const created = { uuid: 'new', username: 'dave' } as RancherMembership;

function steps(fail: { add?: boolean; remove?: boolean } = {}) {
  const calls: string[] = [];
  return {
    calls,
    add: async () => {
      calls.push('add');
      if (fail.add) throw new Error('add refused');
      return created;
    },
    remove: async () => {
      calls.push('remove');
      if (fail.remove) throw new Error('remove refused');
      return 'deleted' as const;
    },
  };
}

describe('moveOrder', () => {
  it('creates first for another role; deletes first for the same role (Waldur refuses a second one)', () => {
    expect(moveOrder('role-a', 'role-b')).toBe('add-first');
    expect(moveOrder('role-a', 'role-a')).toBe('remove-first');
  });
});

describe('moveMembership', () => {
  it('add-first: creates, then deletes the old one', async () => {
    const run = steps();
    expect(await moveMembership('add-first', run.add, run.remove)).toEqual({ status: 'moved', added: created, removed: 'deleted' });
    expect(run.calls).toEqual(['add', 'remove']);
  });

  it('add-first: a refused create throws and deletes nothing', async () => {
    const run = steps({ add: true });
    await expect(moveMembership('add-first', run.add, run.remove)).rejects.toThrow('add refused');
    expect(run.calls).toEqual(['add']);
  });

  it('add-first: a failed delete is returned with the new membership (the user has both)', async () => {
    const run = steps({ remove: true });
    const result = await moveMembership('add-first', run.add, run.remove);
    expect(result).toMatchObject({ status: 'not-removed', added: created });
    expect(result.status === 'not-removed' && (result.removeError as Error).message).toBe('remove refused');
  });

  it('remove-first: deletes, then creates', async () => {
    const run = steps();
    expect(await moveMembership('remove-first', run.add, run.remove)).toEqual({ status: 'moved', added: created, removed: 'deleted' });
    expect(run.calls).toEqual(['remove', 'add']);
  });

  it('remove-first: a refused delete throws and creates nothing', async () => {
    const run = steps({ remove: true });
    await expect(moveMembership('remove-first', run.add, run.remove)).rejects.toThrow('remove refused');
    expect(run.calls).toEqual(['remove']);
  });

  it('remove-first: a failed create is returned (the user has neither)', async () => {
    const run = steps({ add: true });
    const result = await moveMembership('remove-first', run.add, run.remove);
    expect(result).toMatchObject({ status: 'not-added', removed: 'deleted' });
    expect(result.status === 'not-added' && (result.addError as Error).message).toBe('add refused');
  });
});
