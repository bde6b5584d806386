import { describe, expect, it } from 'vitest';
import type { Grant } from './grants';
import type { ResourceGrants } from './queries';
import type { SyncReport } from './sync-state';
import { watchAnswered } from './watch';

const since = Date.parse('2026-12-07T10:00:00Z');

const grant = (key: string, sync: SyncReport): Grant => ({
  key,
  userUuid: 'u',
  username: 'alice',
  fullName: '',
  email: '',
  roleUuid: 'r',
  roleName: 'admin',
  scopeType: 'resource',
  resourceUuid: 'res',
  resourceName: 'Cluster',
  projectUuid: '',
  projectName: '',
  expirationTime: null,
  sync,
});
const answer = (...grants: Grant[]): ResourceGrants => ({
  resourceUuid: 'res',
  source: 'team-members',
  grants,
  projects: [],
  readAt: since + 1,
});

describe('watchAnswered', () => {
  it('keeps watching a new grant while it is not reported or pending, and ends on any other report', () => {
    const watch = { resourceUuid: 'res', grantKey: 'g', since, reason: 'grant' as const };
    expect(watchAnswered(watch, answer(grant('g', { kind: 'not-reported' })))).toBe(false);
    expect(watchAnswered(watch, answer(grant('g', { kind: 'reported', state: 'pending', message: '', reportedAt: null })))).toBe(false);
    expect(watchAnswered(watch, answer(grant('g', { kind: 'reported', state: 'synced', message: '', reportedAt: null })))).toBe(true);
    expect(watchAnswered(watch, answer())).toBe(true);
    // A read from before the grant does not hold it yet: not "gone".
    expect(watchAnswered(watch, { ...answer(), readAt: since - 1 })).toBe(false);
    expect(watchAnswered(watch, undefined)).toBe(false);
  });

  it('ends a re-sync watch only on a report made after the request', () => {
    const watch = { resourceUuid: 'res', grantKey: null, since, reason: 'resync' as const };
    const old = grant('a', { kind: 'reported', state: 'synced', message: '', reportedAt: '2026-12-07T09:00:00Z' });
    const fresh = grant('b', { kind: 'reported', state: 'pending', message: '', reportedAt: '2026-12-07T10:00:05Z' });
    expect(watchAnswered(watch, answer(old))).toBe(false);
    expect(watchAnswered(watch, answer(old, fresh))).toBe(true);
  });
});
