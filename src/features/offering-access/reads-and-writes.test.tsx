/**
 * The grant reads and writes against the simulator in Waldur 8.1 mode (in process, no fetch
 * mocks): which list each account is read from, the change of
 * role's order and its half-way failure, and the re-read after delete_user.
 */
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/client';
// eslint-disable-next-line no-restricted-imports -- tests talk to the simulator in process
import { createSimulator } from '../../../sim/src/simulator.ts';
// eslint-disable-next-line no-restricted-imports -- the seed's well-known ids
import { DEMO81, LARGE81, personUuid } from '../../../sim/src/seed/demo-8-1.ts';
import { hexUuid } from '../../lib/format';
import { grantKeyOf, type Grant } from './grants';
import { changeRole, GrantGoneError, revokeGrant, updateExpiration } from './mutations';
import { accessQueries, type OfferingGrants } from './queries';

const sim = createSimulator({ waldur: '8.1', logErrors: false } as Parameters<typeof createSimulator>[0]);
configureApi(
  { apiUrl: 'http://sim.test', timeoutMs: 10_000 },
  async (request) => (await sim.handle(request)) ?? new Response('', { status: 404 }),
);

const K8S = DEMO81.offerings.k8s.uuid;
const PROD = DEMO81.resources.prod.uuid;
const K = DEMO81.roles.k8s;

function signIn(account: 'staff' | 'owner') {
  window.sessionStorage.setItem('waldur-kc.token', DEMO81.tokens[account]);
}

async function readAll(isStaff: boolean): Promise<OfferingGrants> {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(accessQueries.offeringGrants(K8S, isStaff));
}

function grantOf(all: OfferingGrants, key: string): Grant {
  const grant = [...all.byResource.values()].flatMap((answer) => answer.grants).find((item) => item.key === key);
  if (!grant) throw new Error(`no grant ${key}`);
  return grant;
}

const brunoViewer = grantKeyOf('resource', PROD, personUuid('bruno'), K.clusterViewer.uuid);

beforeEach(async () => {
  await sim.reset({ waldur: '8.1' } as never);
  signIn('staff');
});

describe('reading an offering’s grants', () => {
  it('for staff, from each resource’s team members, with the agent’s states', async () => {
    const all = await readAll(true);
    expect(all.teamMembers).toBe(true);
    expect(all.failed).toEqual([]);
    const grants = [...all.byResource.values()].flatMap((answer) => answer.grants);
    expect(grants).toHaveLength(33);
    expect(grantOf(all, brunoViewer).sync).toMatchObject({ kind: 'reported', state: 'synced' });
    expect(grantOf(all, grantKeyOf('resource', PROD, personUuid('dana'), K.gpuQuota.uuid)).sync).toEqual({ kind: 'not-reported' });
  });

  it('of 200 resources (more than the reads at once), every grant of every resource, and a resource whose read failed reported as such', async () => {
    await sim.reset({ waldur: '8.1', seed: 'large' } as never);
    const signedIn = await sim.handle(
      new Request('http://sim.test/api-auth/password/', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'staff', password: 'staff' }),
      }),
    );
    const { token } = (await signedIn?.json()) as { token: string };
    window.sessionStorage.setItem('waldur-kc.token', token);
    const read = () =>
      new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(
        accessQueries.offeringGrants(LARGE81.offering.uuid, true),
      );
    const count = (all: OfferingGrants) => [...all.byResource.values()].reduce((sum, answer) => sum + answer.grants.length, 0);

    const all = await read();
    expect(all.resources).toHaveLength(LARGE81.resources);
    expect(all.byResource.size).toBe(LARGE81.resources);
    expect(count(all)).toBe(LARGE81.grants);
    expect(all.failed).toEqual([]);

    const broken = hexUuid(all.resources[137]?.uuid ?? '');
    sim.setFaults({ fail: [{ path: `/marketplace-resources/${broken}/team_members/`, status: 500, times: null }] } as never);
    const partial = await read();
    expect(partial.failed.map((item) => hexUuid(item.resource.uuid ?? ''))).toEqual([broken]);
    expect(partial.byResource.has(broken)).toBe(false);
    expect(partial.byResource.size).toBe(LARGE81.resources - 1);
    expect(count(partial)).toBe(LARGE81.grants - (all.byResource.get(broken)?.grants.length ?? 0));
  });

  it('for a provider who is not staff, from each scope’s list_users, the same grants with their states unreadable', async () => {
    signIn('owner');
    const all = await readAll(false);
    expect(all.teamMembers).toBe(false);
    const grants = [...all.byResource.values()].flatMap((answer) => answer.grants);
    expect(grants).toHaveLength(33);
    expect(new Set(grants.map((grant) => grant.sync.kind))).toEqual(new Set(['unreadable']));
    expect(grants.map((grant) => grant.key).sort()).toEqual((await readStaffKeys()).sort());
  });
});

async function readStaffKeys(): Promise<string[]> {
  signIn('staff');
  const all = await readAll(true);
  signIn('owner');
  return [...all.byResource.values()].flatMap((answer) => answer.grants.map((grant) => grant.key));
}

describe('writing grants', () => {
  it('changes a role by granting the new one first, then revoking the old one', async () => {
    const bruno = grantOf(await readAll(true), brunoViewer);
    expect(await changeRole(bruno, K.clusterAdmin.uuid)).toEqual({ status: 'changed' });
    const after = await readAll(true);
    expect(() => grantOf(after, brunoViewer)).toThrow();
    expect(grantOf(after, grantKeyOf('resource', PROD, personUuid('bruno'), K.clusterAdmin.uuid)).expirationTime).toBeNull();
  });

  it('says so when the revocation fails after the grant: the user holds both roles', async () => {
    const bruno = grantOf(await readAll(true), brunoViewer);
    sim.setFaults({ fail: [{ method: 'POST', path: '/delete_user/', times: 1, status: 500 }] } as never);
    const result = await changeRole(bruno, K.clusterAdmin.uuid);
    expect(result.status).toBe('not-revoked');
    const after = await readAll(true);
    expect(grantOf(after, brunoViewer)).toBeTruthy();
    expect(grantOf(after, grantKeyOf('resource', PROD, personUuid('bruno'), K.clusterAdmin.uuid))).toBeTruthy();
  });

  it('does not try the revocation when the new grant is refused: nothing changed', async () => {
    const bruno = grantOf(await readAll(true), brunoViewer);
    // A resource project role on a resource: Waldur refuses the grant.
    const result = await changeRole(bruno, K.projectMember.uuid);
    expect(result.status).toBe('not-granted');
    expect(grantOf(await readAll(true), brunoViewer)).toBeTruthy();
  });

  it('revokes, and treats a grant still listed after delete_user’s 200 as a failure', async () => {
    const all = await readAll(true);
    const bruno = grantOf(all, brunoViewer);
    expect(await revokeGrant(bruno)).toBe('revoked');
    // delete_user answers 200 for a grant that is not there any more: still "no such grant".
    expect(await revokeGrant(bruno)).toBe('revoked');
  });

  it('refuses to update the expiration of a grant that is gone, instead of sending update_user', async () => {
    const bruno = grantOf(await readAll(true), brunoViewer);
    await revokeGrant(bruno);
    await expect(updateExpiration(bruno, null)).rejects.toBeInstanceOf(GrantGoneError);
  });
});
