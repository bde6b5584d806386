import { beforeEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/client';
import { setToken } from '../../api/session';
// eslint-disable-next-line no-restricted-imports -- the runner is tested against the simulator in process
import { createSimulator, type Simulator } from '../../../sim/src/simulator.ts';
// eslint-disable-next-line no-restricted-imports -- the seed's well-known ids
import { DEMO } from '../../../sim/src/seed/demo.ts';
import { IMPORT_CONCURRENCY, runImport, type ImportClient, type ImportJob } from './run-import';
import type { GroupResult } from './wizard-state';

const A = DEMO.offerings.healthyA.uuid;
const R = DEMO.roles.a;
const RG = DEMO.remoteGroups.a;

let sim: Simulator;
let inFlight = 0;
let maxInFlight = 0;
let requests: string[] = [];

beforeEach(() => {
  sim = createSimulator({ seed: 'demo', logErrors: false });
  inFlight = 0;
  maxInFlight = 0;
  requests = [];
  configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    try {
      return (await sim.handle(request)) ?? new Response(null, { status: 404 });
    } finally {
      inFlight -= 1;
    }
  });
  setToken(DEMO.tokens.staff, false);
});

function localGroupsLinkedTo(remoteId: string) {
  return [...sim.store.groups.all()].filter((group) => group.backendId === remoteId);
}

const jobs = (...items: Array<[string, string, string?, string?]>): ImportJob[] =>
  items.map(([id, role, resource = '', scope = '']) => ({ remoteGroupId: id, choice: { role, resource, scope } }));

describe('runImport', () => {
  it('imports each group and pulls its members', async () => {
    const updates: Array<[string, GroupResult['status']]> = [];
    const outcome = await runImport({
      offeringUuid: A,
      pullMembers: true,
      jobs: jobs(
        [RG.visitors.id, R.namespaceEditor.uuid],
        [RG.stewards.id, R.operator.uuid, DEMO.resources.aArchive.uuid],
        [RG.nested.id, R.namespaceEditor.uuid, DEMO.resources.aProd.uuid, 'ns-shared'],
      ),
      onUpdate: (id, result) => updates.push([id, result.status]),
    });
    expect(outcome.stopped).toBeNull();
    const stewards = outcome.results[RG.stewards.id];
    expect(stewards).toMatchObject({ status: 'imported', pull: { state: 'done', created: 4, totalRemote: 4 } });
    expect(outcome.results[RG.nested.id]).toMatchObject({ status: 'imported', pull: { state: 'done', created: 15 } });
    expect(outcome.results[RG.visitors.id]).toMatchObject({ status: 'imported', pull: { state: 'done', created: 0 } });
    const [local] = localGroupsLinkedTo(RG.nested.id);
    expect(local).toMatchObject({ roleUuid: R.namespaceEditor.uuid, resourceUuid: DEMO.resources.aProd.uuid, scopeId: 'ns-shared' });
    expect(updates.filter(([id]) => id === RG.visitors.id).map(([, status]) => status)).toEqual([
      'waiting',
      'importing',
      'imported',
      'imported',
    ]);
  });

  it('sends no more than IMPORT_CONCURRENCY requests at once', async () => {
    sim.setFaults({ latencyMs: 5 });
    const ids = [RG.visitors.id, RG.stewards.id, RG.nested.id, RG.operator.id, RG.sql.id, RG.long255.id];
    const roles = [R.namespaceEditor.uuid, R.projectMember.uuid, R.clusterAdmin.uuid];
    const resources = ['', DEMO.resources.aArchive.uuid];
    await runImport({
      offeringUuid: A,
      pullMembers: false,
      jobs: ids.map((id, index) => ({
        remoteGroupId: id,
        choice: { role: roles[index % 3] ?? '', resource: resources[Math.floor(index / 3)] ?? '', scope: '' },
      })),
    });
    expect(maxInFlight).toBe(IMPORT_CONCURRENCY);
    expect(requests.filter((line) => line.includes('import_remote'))).toHaveLength(ids.length);
  });

  it('reports Waldur refusals per group and keeps going', async () => {
    const outcome = await runImport({
      offeringUuid: A,
      pullMembers: false,
      jobs: jobs(
        [RG.long255.id, R.namespaceEditor.uuid],
        // Viewer without resource is taken by "<offering>_Viewer".
        [RG.visitors.id, R.viewer.uuid],
        [RG.stewards.id, R.operator.uuid, DEMO.resources.aArchive.uuid],
      ),
    });
    expect(outcome.results[RG.long255.id]).toMatchObject({
      status: 'failed',
      uncertain: false,
      message: expect.stringMatching(/150 characters/),
    });
    expect(outcome.results[RG.visitors.id]).toMatchObject({ status: 'failed', message: expect.stringMatching(/unique set/) });
    expect(outcome.results[RG.stewards.id]).toMatchObject({ status: 'imported', pull: null });
  });

  it('treats "already exists" as skipped and never creates a duplicate', async () => {
    const first = await runImport({ offeringUuid: A, pullMembers: false, jobs: jobs([RG.visitors.id, R.namespaceEditor.uuid]) });
    expect(first.results[RG.visitors.id]?.status).toBe('imported');
    const again = await runImport({ offeringUuid: A, pullMembers: false, jobs: jobs([RG.visitors.id, R.projectMember.uuid]) });
    expect(again.results[RG.visitors.id]).toEqual({ status: 'skipped', reason: 'Already linked to a local group.' });
    expect(localGroupsLinkedTo(RG.visitors.id)).toHaveLength(1);
  });

  it('skips groups known to be linked without sending them', async () => {
    const outcome = await runImport({
      offeringUuid: A,
      pullMembers: true,
      jobs: jobs([DEMO.groups.a.viewer.backendId, R.namespaceEditor.uuid]),
      linked: new Map([[DEMO.groups.a.viewer.backendId, { uuid: DEMO.groups.a.viewer.uuid, name: 'Viewer group' }]]),
    });
    expect(outcome.results[DEMO.groups.a.viewer.backendId]).toEqual({
      status: 'skipped',
      reason: 'Already linked to the local group “Viewer group”.',
    });
    expect(requests).toEqual([]);
  });

  it('reads the linked groups only when Waldur refuses a group, once a run, to name its local group', async () => {
    let reads = 0;
    const readLinked = async () => {
      reads += 1;
      return new Map(
        [...sim.store.groups.all()]
          .filter((group) => group.backendId)
          .map((group) => [group.backendId, { uuid: group.uuid, name: group.name }]),
      );
    };
    const run = (...items: Parameters<typeof jobs>) => runImport({ offeringUuid: A, pullMembers: false, jobs: jobs(...items), readLinked });
    const first = await run([RG.visitors.id, R.namespaceEditor.uuid], [RG.stewards.id, R.operator.uuid, DEMO.resources.aArchive.uuid]);
    expect(Object.values(first.results).map((result) => result.status)).toEqual(['imported', 'imported']);
    expect(reads).toBe(0);
    const again = await run(
      [RG.visitors.id, R.projectMember.uuid],
      [RG.stewards.id, R.projectMember.uuid, DEMO.resources.aArchive.uuid],
      [RG.nested.id, R.clusterAdmin.uuid],
    );
    expect(reads).toBe(1);
    expect(again.results[RG.visitors.id]).toEqual({ status: 'skipped', reason: 'Already linked to the local group “Visitors”.' });
    expect(again.results[RG.stewards.id]).toEqual({ status: 'skipped', reason: 'Already linked to the local group “Data Stewards”.' });
    expect(again.results[RG.nested.id]?.status).toBe('imported');
    expect(localGroupsLinkedTo(RG.visitors.id)).toHaveLength(1);
  });

  it('tells "already linked" by the linked groups, not by the words of a Waldur that answers in German', async () => {
    const first = await runImport({ offeringUuid: A, pullMembers: false, jobs: jobs([RG.visitors.id, R.namespaceEditor.uuid]) });
    expect(first.results[RG.visitors.id]?.status).toBe('imported');
    // Waldur speaks the request's language where it has a translation: its refusal, in German.
    configureApi({ apiUrl: 'http://sim.test', timeoutMs: 10_000 }, async (request) => {
      const answer = (await sim.handle(request)) ?? new Response(null, { status: 404 });
      if (answer.status !== 400) return answer;
      const german = { non_field_errors: ['Für diese entfernte Keycloak-Gruppe gibt es bereits eine Gruppe.'] };
      return new Response(JSON.stringify(german), { status: 400, headers: { 'Content-Type': 'application/json' } });
    });
    const readLinked = async () =>
      new Map(localGroupsLinkedTo(RG.visitors.id).map((group) => [RG.visitors.id, { uuid: group.uuid, name: group.name }]));
    const named = await runImport({ offeringUuid: A, pullMembers: false, jobs: jobs([RG.visitors.id, R.projectMember.uuid]), readLinked });
    expect(named.results[RG.visitors.id]).toEqual({ status: 'skipped', reason: 'Already linked to the local group “Visitors”.' });
    // Nothing found linked: the refusal is told as Waldur worded it, never guessed to be "skipped".
    const unknown = await runImport({
      offeringUuid: A,
      pullMembers: false,
      jobs: jobs([RG.visitors.id, R.projectMember.uuid]),
      readLinked: async () => new Map(),
    });
    expect(unknown.results[RG.visitors.id]).toMatchObject({ status: 'failed', message: expect.stringMatching(/bereits/) });
    expect(localGroupsLinkedTo(RG.visitors.id)).toHaveLength(1);
  });

  it('never re-sends a group imported earlier, but pulls it when its pull failed', async () => {
    const outcome = await runImport({
      offeringUuid: A,
      pullMembers: true,
      jobs: [
        {
          remoteGroupId: RG.stewards.id,
          choice: { role: R.operator.uuid, resource: '', scope: '' },
          previous: {
            status: 'imported',
            localGroup: { uuid: DEMO.groups.a.researchers.uuid, name: 'Researchers' },
            pull: { state: 'failed', message: 'x' },
          },
        },
        {
          remoteGroupId: RG.visitors.id,
          choice: { role: R.operator.uuid, resource: '', scope: '' },
          previous: {
            status: 'imported',
            localGroup: { uuid: 'done', name: 'Visitors' },
            pull: { state: 'done', created: 1, updated: 0, totalRemote: 1 },
          },
        },
      ],
    });
    expect(requests).toEqual([`POST /api/offering-keycloak-groups/${DEMO.groups.a.researchers.uuid}/pull_members/`]);
    expect(outcome.results[RG.stewards.id]).toMatchObject({ status: 'imported', pull: { state: 'done' } });
    expect(outcome.results[RG.visitors.id]).toBeUndefined();
  });

  it('fails one group on a 500 and imports it on retry', async () => {
    sim.setFaults({ fail: [{ method: 'POST', path: 'import_remote', skip: 1, times: 1, status: 500 }] });
    const chosen = jobs([RG.visitors.id, R.namespaceEditor.uuid], [RG.stewards.id, R.operator.uuid, DEMO.resources.aArchive.uuid]);
    const first = await runImport({ offeringUuid: A, pullMembers: true, jobs: chosen, concurrency: 1 });
    expect(first.results[RG.visitors.id]?.status).toBe('imported');
    expect(first.results[RG.stewards.id]).toMatchObject({ status: 'failed', uncertain: true, message: expect.stringMatching(/HTTP 500/) });
    const retry = await runImport({
      offeringUuid: A,
      pullMembers: true,
      jobs: chosen.map((job) => ({ ...job, previous: first.results[job.remoteGroupId] })),
    });
    expect(retry.results[RG.visitors.id]).toBeUndefined();
    expect(retry.results[RG.stewards.id]).toMatchObject({ status: 'imported', pull: { state: 'done', created: 4 } });
    expect(localGroupsLinkedTo(RG.stewards.id)).toHaveLength(1);
  });

  it('calls an interrupted group imported when Waldur already has it', async () => {
    const first = await runImport({ offeringUuid: A, pullMembers: false, jobs: jobs([RG.visitors.id, R.namespaceEditor.uuid]) });
    const created = first.results[RG.visitors.id];
    if (created?.status !== 'imported') throw new Error('not imported');
    const client: ImportClient = {
      importRemote: (body) => import('./run-import').then(({ apiImportClient }) => apiImportClient.importRemote(body)),
      pullMembers: (uuid) => import('./run-import').then(({ apiImportClient }) => apiImportClient.pullMembers(uuid)),
      findLinkedGroup: async () => created.localGroup,
    };
    const resumed = await runImport({
      offeringUuid: A,
      pullMembers: true,
      client,
      jobs: [
        {
          remoteGroupId: RG.visitors.id,
          choice: { role: R.namespaceEditor.uuid, resource: '', scope: '' },
          previous: { status: 'interrupted' },
        },
      ],
    });
    expect(resumed.results[RG.visitors.id]).toMatchObject({ status: 'imported', localGroup: created.localGroup, pull: { state: 'done' } });
  });

  it('stops on an expired session: in-flight groups finish, the rest are not started', async () => {
    // The third import answers 401; with one at a time, two are imported first.
    sim.setFaults({ fail: [{ method: 'POST', path: 'import_remote', skip: 2, times: 1, status: 401 }] });
    const chosen = jobs(
      [RG.visitors.id, R.namespaceEditor.uuid],
      [RG.stewards.id, R.operator.uuid, DEMO.resources.aArchive.uuid],
      [RG.nested.id, R.projectMember.uuid],
      [RG.operator.id, R.clusterAdmin.uuid],
    );
    const outcome = await runImport({ offeringUuid: A, pullMembers: false, jobs: chosen, concurrency: 1 });
    expect(outcome.stopped).toBe('session-expired');
    expect(outcome.results[RG.visitors.id]?.status).toBe('imported');
    expect(outcome.results[RG.stewards.id]?.status).toBe('imported');
    expect(outcome.results[RG.nested.id]).toMatchObject({ status: 'not-started', reason: expect.stringMatching(/session expired/) });
    expect(outcome.results[RG.operator.id]?.status).toBe('not-started');
    expect(localGroupsLinkedTo(RG.nested.id)).toHaveLength(0);
  });

  it('stops launching when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await runImport({
      offeringUuid: A,
      pullMembers: false,
      jobs: jobs([RG.visitors.id, R.namespaceEditor.uuid]),
      signal: controller.signal,
    });
    expect(outcome.stopped).toBe('cancelled');
    expect(outcome.results[RG.visitors.id]?.status).toBe('not-started');
    expect(requests).toEqual([]);
  });
});
