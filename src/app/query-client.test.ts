import { MutationObserver, QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { invalidatesWhen } from '../api/mutation-meta';
import { offeringKeys } from '../api/offering-keys';
import { createQueryClient } from './query-client';

/** A promise settled from outside, so a test decides when a refetch lands. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const OFFERING = 'offering-1';
let unsubscribes: (() => void)[] = [];
afterEach(() => {
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  unsubscribes = [];
});

/** A query on screen (an active observer) under `queryKey`, counting its fetches; `next` holds the refetch. */
async function watched(client: QueryClient, queryKey: QueryKey) {
  const state = { fetches: 0, next: null as ReturnType<typeof deferred<string>> | null };
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: () => {
      state.fetches += 1;
      return state.next ? state.next.promise : Promise.resolve(`answer ${state.fetches}`);
    },
    staleTime: Infinity,
  });
  unsubscribes.push(observer.subscribe(() => {}));
  await client.fetchQuery({ queryKey, queryFn: () => `answer ${++state.fetches}`, staleTime: Infinity });
  return state;
}

describe('the MutationCache reads meta.invalidates', () => {
  it("invalidates an offering change's table after a success, and the write stays pending until the refetch lands", async () => {
    const client = createQueryClient();
    const groups = await watched(client, [...offeringKeys.groups(OFFERING), 'list']);
    const syncStatus = await watched(client, offeringKeys.syncStatus(OFFERING));
    const members = await watched(client, [...offeringKeys.memberships(OFFERING), 'list']);
    const otherOffering = await watched(client, [...offeringKeys.groups('offering-2'), 'list']);
    groups.next = deferred<string>();
    const order: string[] = [];

    const write = new MutationObserver(client, {
      mutationFn: async () => 'linked',
      meta: { invalidates: [{ offering: OFFERING, change: 'groups' }] },
      onSuccess: () => void order.push('onSuccess'),
    });
    const done = write.mutate(undefined).then(() => order.push('resolved'));

    await expect.poll(() => groups.fetches).toBe(2);
    expect(write.getCurrentResult().status).toBe('pending');
    expect(client.isMutating()).toBe(1);
    expect(order).toEqual([]);

    groups.next.resolve('after the link');
    await done;
    expect(order).toEqual(['onSuccess', 'resolved']);
    expect(write.getCurrentResult().status).toBe('success');
    expect(client.getQueryData([...offeringKeys.groups(OFFERING), 'list'])).toBe('after the link');
    // 'groups' makes the group lists and the sync status stale, nothing else.
    expect(syncStatus.fetches).toBe(2);
    expect(members.fetches).toBe(1);
    expect(otherOffering.fetches).toBe(1);
  });

  it('leaves the caches alone after a failure when the meta is a list, and the error reaches the mutation', async () => {
    const client = createQueryClient();
    const groups = await watched(client, [...offeringKeys.groups(OFFERING), 'list']);
    const write = new MutationObserver(client, {
      mutationFn: async () => {
        throw new Error('refused');
      },
      meta: { invalidates: [{ offering: OFFERING, change: 'groups' }] },
    });
    await expect(write.mutate(undefined)).rejects.toThrow('refused');
    expect(write.getCurrentResult().status).toBe('error');
    expect(write.getCurrentResult().error?.message).toBe('refused');
    expect(groups.fetches).toBe(1);
  });

  it('asks a function what to invalidate, with the outcome: a failure can still make lists stale', async () => {
    const client = createQueryClient();
    const members = await watched(client, [...offeringKeys.memberships(OFFERING), 'list']);
    const groups = await watched(client, [...offeringKeys.groups(OFFERING), 'list']);
    const seen: unknown[] = [];
    const write = new MutationObserver<string, Error, string[]>(client, {
      mutationFn: async (names) => {
        throw new Error(`${names.length} failed`);
      },
      meta: {
        invalidates: invalidatesWhen<string, string[]>(({ error, variables }) => {
          seen.push({ error: (error as Error).message, variables });
          return [{ offering: OFFERING, change: 'pulled' }];
        }),
      },
    });
    await expect(write.mutate(['a', 'b'])).rejects.toThrow('2 failed');
    expect(seen).toEqual([{ error: '2 failed', variables: ['a', 'b'] }]);
    expect(members.fetches).toBe(2);
    expect(groups.fetches).toBe(1);
  });

  it('takes a key prefix narrowed by a predicate', async () => {
    const client = createQueryClient();
    const kept = await watched(client, ['rancher', 'memberships', 'kept']);
    const gone = await watched(client, ['rancher', 'memberships', 'gone']);
    const write = new MutationObserver(client, {
      mutationFn: async () => 'deleted',
      meta: { invalidates: [{ queryKey: ['rancher', 'memberships'], predicate: (query) => query.queryKey[2] !== 'gone' }] },
    });
    await write.mutate(undefined);
    expect(kept.fetches).toBe(2);
    expect(gone.fetches).toBe(1);
  });

  it('does nothing for a write without meta', async () => {
    const client = createQueryClient();
    const groups = await watched(client, [...offeringKeys.groups(OFFERING), 'list']);
    await new MutationObserver(client, { mutationFn: async () => 'ok' }).mutate(undefined);
    expect(groups.fetches).toBe(1);
  });
});
