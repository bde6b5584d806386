import { describe, expect, it } from 'vitest';
import {
  createBody,
  editPlan,
  membershipSchema,
  roleFits,
  scopeTypeOf,
  serverFieldAliases,
  type MembershipValues,
} from './membership-schema';
import { hasFilters, membershipFilters, rancherSearchSchema, roleDisplayName, uuidFromUrl } from './queries';
import { parseSearchParams } from '../../lib/search-params';

const url = (uuid: string) => `https://waldur.example/api/rancher-role-templates/${uuid}/`;
const CLUSTER = 'c'.repeat(32);
const PROJECT = 'e'.repeat(32);

const initial: MembershipValues = {
  username: 'alice',
  email: 'alice@example.org',
  cluster: CLUSTER,
  project: '',
  role: 'r1',
};

describe('editPlan', () => {
  it('sends nothing when nothing changed (whitespace around text does not count)', () => {
    expect(editPlan(initial, { ...initial, email: ' alice@example.org ' }, url)).toBeNull();
  });

  it('a new username goes with PUT and every field Waldur requires: username, email, scope and role as they are', () => {
    expect(editPlan(initial, { ...initial, username: ' bob ', email: 'bob@example.org' }, url)).toEqual({
      kind: 'put',
      body: { username: 'bob', email: 'bob@example.org', scope_uuid: CLUSTER, role: url('r1') },
      changed: ['username', 'email'],
    });
  });

  it('an email alone cannot be saved by Waldur (its duplicate check counts the membership itself): it is a remove and add', () => {
    expect(editPlan(initial, { ...initial, email: 'new@example.org' }, url)).toEqual({
      kind: 'email-only',
      body: { username: 'alice', email: 'new@example.org', scope_uuid: CLUSTER, role: url('r1') },
    });
  });

  it('scope and role are not edited: they stay as they are (a Move changes them)', () => {
    expect(editPlan(initial, { ...initial, project: PROJECT, role: 'r2' }, url)).toBeNull();
    expect(editPlan({ ...initial, project: PROJECT }, { ...initial, project: PROJECT, username: 'bob' }, url)?.body.scope_uuid).toBe(
      PROJECT,
    );
  });
});

describe('the membership form', () => {
  it('the create body: trimmed text, the project when picked, else the cluster, and the role as a URL', () => {
    expect(createBody({ ...initial, username: ' alice ', project: PROJECT }, url)).toEqual({
      username: 'alice',
      email: 'alice@example.org',
      scope_uuid: PROJECT,
      role: url('r1'),
    });
    expect(createBody(initial, url).scope_uuid).toBe(CLUSTER);
  });

  it('the scope type follows the project', () => {
    expect(scopeTypeOf({ project: '' })).toBe('cluster');
    expect(scopeTypeOf({ project: PROJECT })).toBe('project');
    expect(serverFieldAliases({ project: PROJECT })).toEqual({ scope_uuid: 'project' });
    expect(serverFieldAliases({ project: '' })).toEqual({ scope_uuid: 'cluster' });
  });

  it('validates before sending', () => {
    const result = membershipSchema.safeParse({ username: ' ', email: 'no-at-sign', cluster: '', project: '', role: '' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      username: 'Enter a username.',
      email: 'Enter a valid email address.',
      cluster: 'Choose a cluster.',
      role: 'Choose a role.',
    });
    expect(membershipSchema.safeParse({ ...initial, username: 'x'.repeat(256) }).success).toBe(false);
    expect(membershipSchema.safeParse(initial).success).toBe(true);
  });

  it('a role fits a scope when it is a template of the cluster’s settings for that scope type', () => {
    const settings = 'a'.repeat(32);
    const role = { scope_type: 'cluster' as const, settings: `https://waldur.example/api/service-settings/${settings}/` };
    expect(roleFits(role, { service_settings_uuid: settings }, 'cluster')).toBe(true);
    expect(roleFits(role, { service_settings_uuid: settings }, 'project')).toBe(false);
    expect(roleFits(role, { service_settings_uuid: 'b'.repeat(32) }, 'cluster')).toBe(false);
    expect(roleFits(undefined, { service_settings_uuid: settings }, 'cluster')).toBe(false);
  });
});

describe('the page URL', () => {
  it('keeps known states and well-formed uuids in Waldur’s form, and sends a malformed uuid on for the server to refuse', () => {
    const search = parseSearchParams(
      rancherSearchSchema,
      new URLSearchParams(
        `state=active&state=bogus&scope=${'A'.repeat(8)}-${'a'.repeat(4)}-${'a'.repeat(4)}-${'a'.repeat(4)}-${'a'.repeat(12)}&role=junk&scope_type=namespace&username=%20bob%20`,
      ),
    );
    const filters = membershipFilters(search);
    expect(filters.state).toEqual(['active']);
    expect(filters.scope).toBe('a'.repeat(32));
    expect(filters.role).toBe('junk');
    expect(filters.scope_type).toBe('');
    expect(filters.username).toBe('bob');
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(membershipFilters(parseSearchParams(rancherSearchSchema, new URLSearchParams('page=2'))))).toBe(false);
  });

  it('reads uuids from API URLs and names roles by their display name', () => {
    expect(uuidFromUrl(`https://w.example/api/keycloak-groups/${'f'.repeat(32)}/`)).toBe('f'.repeat(32));
    expect(uuidFromUrl('')).toBe('');
    const templates = [
      { name: 'cluster-owner', display_name: 'Cluster Owner' },
      { name: 'cluster-owner', display_name: 'Cluster Owner' },
      { name: 'odd', display_name: 'Odd A' },
      { name: 'odd', display_name: 'Odd B' },
    ];
    expect(roleDisplayName('cluster-owner', templates)).toBe('Cluster Owner');
    expect(roleDisplayName('odd', templates)).toBe('odd');
    expect(roleDisplayName('unknown', templates)).toBe('unknown');
  });
});
