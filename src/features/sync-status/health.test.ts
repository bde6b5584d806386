import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { latestReach, offeringHealth } from './health';

const refused = new ApiError({ kind: 'http', status: 400, message: 'Unable to retrieve sync status from Keycloak.' });
const forbidden = new ApiError({ kind: 'http', status: 403, message: 'You do not have permission to perform this action.' });
const serverError = new ApiError({ kind: 'http', status: 502, message: 'Bad gateway' });
const status = { synced: [{ local_name: 'a', remote_name: 'a', backend_id: 'r1' }], local_only: ['b', 'c'], remote_only: ['c'] };
const none = { data: undefined, dataUpdatedAt: 0, error: null, errorUpdatedAt: 0 };

describe('offeringHealth', () => {
  it('says Keycloak was reached, when, and the counts of that sync status', () => {
    const health = offeringHealth({ status: { ...none, data: status, dataUpdatedAt: 100 }, otherReads: [] });
    expect(health).toEqual({
      reach: { state: 'reachable', at: 100 },
      drift: { synced: 1, localOnly: 2, remoteOnly: 1, at: 100 },
      forbidden: false,
    });
  });

  it('a later failure wins over an earlier answer, whose counts stay with their own time', () => {
    const health = offeringHealth({
      status: { data: status, dataUpdatedAt: 100, error: refused, errorUpdatedAt: 200 },
      otherReads: [],
    });
    expect(health.reach).toEqual({ state: 'unreachable', at: 200 });
    expect(health.drift?.at).toBe(100);
  });

  it('nothing answered: not checked, no counts (never "in sync")', () => {
    expect(offeringHealth({ status: none, otherReads: [] })).toEqual({ reach: { state: 'not-checked' }, drift: null, forbidden: false });
  });

  it('a 403 is the user’s, not Keycloak’s: forbidden, and Keycloak not checked', () => {
    const health = offeringHealth({ status: { ...none, error: forbidden, errorUpdatedAt: 100 }, otherReads: [] });
    expect(health).toEqual({ reach: { state: 'not-checked' }, drift: null, forbidden: true });
  });

  it('Waldur not answering says nothing about Keycloak but that it was not checked', () => {
    expect(latestReach([{ ok: false, at: 5, error: serverError }])).toEqual({ state: 'no-answer', at: 5 });
  });

  it('a later connection test or remote groups read counts, whichever is latest', () => {
    const health = offeringHealth({
      status: { ...none, data: status, dataUpdatedAt: 100 },
      otherReads: [{ ok: false, at: 300, error: new Error('Unable to connect to Keycloak.') }, { ok: true, at: 200 }, null],
    });
    expect(health.reach).toEqual({ state: 'unreachable', at: 300 });
    expect(
      latestReach([
        { ok: false, at: 300, error: refused },
        { ok: true, at: 400 },
      ]),
    ).toEqual({ state: 'reachable', at: 400 });
    // At the same moment, the failure is told.
    expect(
      latestReach([
        { ok: true, at: 300 },
        { ok: false, at: 300, error: refused },
      ]),
    ).toEqual({ state: 'unreachable', at: 300 });
  });
});
