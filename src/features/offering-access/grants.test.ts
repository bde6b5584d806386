import { describe, expect, it } from 'vitest';
import { countByRole, countBySync, filterGrants, grantsFromTeamMembers, grantsNeedingAttention, type GrantFilters } from './grants';
import { syncReportOf } from './sync-state';
import type { TeamMember } from './types';

const RESOURCE = { uuid: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Cluster A' };
const RP = 'bbbbbbbb000000000000000000000001';
const ALICE = 'cccccccc000000000000000000000001';
const ADMIN = 'dddddddd000000000000000000000001';
const DEV = 'dddddddd000000000000000000000002';

const member = (overrides: Partial<TeamMember> = {}): TeamMember => ({
  uuid: ALICE,
  username: 'alice',
  full_name: 'Alice Liddell',
  email: 'alice@example.org',
  roles: [
    {
      role_name: 'admin',
      role_uuid: ADMIN,
      expiration_time: null,
      sync_state: 'synced',
      sync_message: '',
      sync_reported_at: '2026-10-01T10:00:00Z',
    },
  ],
  resource_projects: [
    {
      uuid: RP,
      name: 'web',
      role_name: 'developer',
      role_uuid: DEV,
      expiration_time: '2027-01-01T00:00:00Z',
      sync_state: null,
      sync_message: '',
      sync_reported_at: null,
    },
  ],
  ...overrides,
});

const NONE: GrantFilters = { resource: '', project: '', role: '', sync: '', q: '' };

describe('grants from team_members', () => {
  it('makes one grant per resource role and per resource project entry, with its sync report', () => {
    const grants = grantsFromTeamMembers(RESOURCE, [member()], true);
    expect(grants).toHaveLength(2);
    expect(grants[0]).toMatchObject({
      scopeType: 'resource',
      resourceUuid: 'aaaaaaaa000000000000000000000001',
      roleName: 'admin',
      sync: { kind: 'reported', state: 'synced', reportedAt: '2026-10-01T10:00:00Z' },
    });
    expect(grants[1]).toMatchObject({ scopeType: 'resource_project', projectUuid: RP, projectName: 'web', sync: { kind: 'not-reported' } });
  });

  it('says sync states are off when the offering does not report them, whatever the row holds', () => {
    const [grant] = grantsFromTeamMembers(RESOURCE, [member()], false);
    expect(grant?.sync).toEqual({ kind: 'off' });
  });

  it('reads the single direct role of a row without roles[] (Waldur 8.1.0), and cannot tell its state', () => {
    const row = member({ roles: undefined, role_name: 'admin', role_uuid: ADMIN, expiration_time: null, resource_projects: [] });
    const [grant] = grantsFromTeamMembers(RESOURCE, [row], true);
    expect(grant).toMatchObject({ roleName: 'admin', sync: { kind: 'unreadable' } });
  });

  it('keeps a second active grant of the same role as its own row', () => {
    const twice = member({
      roles: [
        { role_name: 'admin', role_uuid: ADMIN, expiration_time: null, sync_state: null },
        { role_name: 'admin', role_uuid: ADMIN, expiration_time: '2027-01-01T00:00:00Z', sync_state: null },
      ],
      resource_projects: [],
    });
    const keys = grantsFromTeamMembers(RESOURCE, [twice], true).map((grant) => grant.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('filters, counts and the members check', () => {
  const grants = [
    ...grantsFromTeamMembers(RESOURCE, [member()], true),
    ...grantsFromTeamMembers(
      { uuid: 'aaaaaaaa000000000000000000000002', name: 'Cluster B' },
      [
        member({
          uuid: 'eeeeeeee000000000000000000000001',
          username: 'bob',
          full_name: 'Bob Builder',
          email: 'bob@example.org',
          roles: [
            {
              role_name: 'admin',
              role_uuid: ADMIN,
              expiration_time: null,
              sync_state: 'missing_in_idp',
              sync_message: 'User not confirmed',
            },
          ],
          resource_projects: [],
        }),
      ],
      true,
    ),
  ];

  it('filters by resource, resource project, role, sync state (not reported included) and text', () => {
    expect(filterGrants(grants, { ...NONE, resource: 'aaaaaaaa-0000-0000-0000-000000000002' }).map((g) => g.username)).toEqual(['bob']);
    expect(filterGrants(grants, { ...NONE, project: RP })).toHaveLength(1);
    expect(filterGrants(grants, { ...NONE, role: ADMIN })).toHaveLength(2);
    expect(filterGrants(grants, { ...NONE, sync: 'not_reported' }).map((g) => g.roleName)).toEqual(['developer']);
    expect(filterGrants(grants, { ...NONE, q: 'BUILDER' }).map((g) => g.username)).toEqual(['bob']);
  });

  it('counts by sync state and by role, and lists what is not synced', () => {
    expect(countBySync(grants)).toMatchObject({ synced: 1, not_reported: 1, missing_in_idp: 1, pending: 0 });
    expect(countByRole(grants).get(ADMIN)).toBe(2);
    expect(grantsNeedingAttention(grants).map((g) => `${g.username}:${g.roleName}`)).toEqual(['alice:developer', 'bob:admin']);
  });

  it('leaves grants whose states are off or unreadable out of the members check', () => {
    const off = grantsFromTeamMembers(RESOURCE, [member()], false);
    expect(grantsNeedingAttention(off)).toEqual([]);
    expect(countBySync(off).off).toBe(2);
  });
});

describe('sync report of an entry', () => {
  it('never turns an unknown state into a known one', () => {
    expect(syncReportOf({ sync_state: 'weird' }, true)).toMatchObject({ kind: 'unreadable' });
    expect(syncReportOf({ sync_state: 'error', sync_message: 'Reconciliation failed' }, true)).toEqual({
      kind: 'reported',
      state: 'error',
      message: 'Reconciliation failed',
      reportedAt: null,
    });
  });
});
