import { describe, expect, it } from 'vitest';
import type { OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { choiceProblems, reviewImport, uuidFromUrl } from './review';
import { emptyWizard, type WizardState } from './wizard-state';

const roles = [
  { uuid: 'r1', name: 'Viewer', scope_type: 'project' },
  { uuid: 'r2', name: 'Operator', scope_type: 'project' },
  { uuid: 'wide', name: 'Auditor', scope_type: '' },
  { uuid: 'ns', name: 'Namespace Editor', scope_type: 'namespace' },
] as OfferingRole[];
const resources = [
  { uuid: 'res1', name: 'prod', options: { keycloak_available_scopes: [{ scope_type: 'project', scope_id: 'p-1', label: 'One' }] } },
] as unknown as ProviderResource[];
const local = (name: string, backend: string, role: string, resource: string | null, scope = '') =>
  ({
    name,
    backend_id: backend,
    role: `http://x/api/marketplace-offering-user-roles/${role}/`,
    resource_uuid: resource ?? undefined,
    scope_id: scope,
  }) as OfferingGroup;

function wizard(choices: Record<string, [string, string?, string?]>, extra: Partial<WizardState> = {}): WizardState {
  const state = emptyWizard();
  for (const [id, [role, resource = '', scope = '']] of Object.entries(choices)) {
    state.selected.push(id);
    state.groups[id] = { name: `Group ${id}`, path: `/g/${id}` };
    state.choices[id] = { role, resource, scope };
  }
  return { ...state, ...extra };
}

describe('choiceProblems', () => {
  it('needs a role and scope IDs of the chosen resource', () => {
    expect(choiceProblems({ role: '', resource: '', scope: '' }, { roles, resources })).toEqual({ role: 'Choose a role.' });
    expect(choiceProblems({ role: 'r1', resource: 'res1', scope: 'p-1' }, { roles, resources })).toEqual({});
    expect(choiceProblems({ role: 'r1', resource: 'res1', scope: 'p-9' }, { roles, resources })).toEqual({
      scope: 'Not a scope of this resource.',
    });
    // Offered, but as a project scope: a namespace (or offering-wide) role cannot use it, and
    // Waldur would refuse every member added to such a group.
    expect(choiceProblems({ role: 'ns', resource: 'res1', scope: 'p-1' }, { roles, resources }).scope).toMatch(
      /“p-1” is offered for project roles, not for this role \(namespace\)/,
    );
    expect(choiceProblems({ role: 'wide', resource: 'res1', scope: 'p-1' }, { roles, resources }).scope).toMatch(/not for this role/);
    expect(choiceProblems({ role: 'gone', resource: 'gone', scope: '' }, { roles, resources })).toEqual({
      role: 'This role is not one of the offering’s roles.',
      resource: 'This resource is not one of the offering’s resources.',
    });
  });
});

describe('reviewImport', () => {
  it('flags clashes between chosen groups and with existing local groups', () => {
    const review = reviewImport(wizard({ a: ['r1'], b: ['r1'], c: ['r2', 'res1'], d: ['r2'] }), [local('Existing', 'zzz', 'r2', 'res1')], {
      roles,
      resources,
    });
    const problems = Object.fromEntries(review.rows.map((row) => [row.id, row.problems.map((p) => p.message)]));
    expect(problems.a).toEqual(['Clashes with “Group b”: same role, resource and scope ID.']);
    expect(problems.b).toEqual(['Clashes with “Group a”: same role, resource and scope ID.']);
    expect(problems.c).toEqual(['Clashes with the local group “Existing”, which has the same role, resource and scope ID.']);
    expect(problems.d).toEqual([]);
    expect(review).toMatchObject({ errors: 3, warnings: 0, toSend: 4, ready: 1 });
  });

  it('warns about linked groups, does not count them as sent, and ignores settled ones', () => {
    const state = wizard(
      { a: ['r1'], b: [''], c: ['r1'] },
      {
        results: { c: { status: 'imported', localGroup: { uuid: 'l', name: 'Group c' }, pull: null } },
      },
    );
    const review = reviewImport(state, [local('Linked one', 'a', 'r2', null), local('Group c', 'c', 'r1', null)], { roles, resources });
    expect(review.rows.map((row) => [row.id, row.done, row.problems])).toEqual([
      ['a', false, [{ level: 'warning', message: 'Already linked to the local group “Linked one”: it will be skipped.' }]],
      ['b', false, [{ level: 'error', message: 'Choose a role.' }]],
      ['c', true, []],
    ]);
    expect(review).toMatchObject({ errors: 1, warnings: 1, toSend: 1, ready: 0 });
  });

  it('reviews thousands of groups against thousands of local groups, each flagged as a one-by-one check would', () => {
    const many = 3000;
    const manyRoles = Array.from({ length: 30 }, (_, r) => ({
      uuid: `role-${r}`,
      name: `Role ${r}`,
      scope_type: 'project',
    })) as OfferingRole[];
    const manyResources = Array.from({ length: 20 }, (_, r) => ({
      uuid: `res-${r}`,
      name: `Resource ${r}`,
      options: { keycloak_available_scopes: [{ scope_type: 'project', scope_id: `s-${r}`, label: 'S' }] },
    })) as unknown as ProviderResource[];
    // Group i: role i % 30, resource (i / 30) % 20, scope "" or the resource's own; distinct for i < 1200.
    const comboOf = (i: number): [string, string, string] => {
      const resource = Math.floor(i / 30) % 20;
      return [`role-${i % 30}`, `res-${resource}`, Math.floor(i / 600) % 2 === 1 ? `s-${resource}` : ''];
    };
    const choices: Record<string, [string, string?, string?]> = {};
    for (let i = 0; i < many; i++) {
      if (i < 1200) choices[`g${i}`] = comboOf(i);
      else if (i % 3 === 0) choices[`g${i}`] = [`nope-${i}`];
      else if (i % 3 === 1) choices[`g${i}`] = [`role-${i % 30}`, 'res-0', `bad-${i}`];
      else choices[`g${i}`] = [`role-${i % 30}`];
    }
    // Local groups: one linked to each of g1000..g1099, one per combination of g0..g99 (not linked to them),
    // and 3000 unrelated ones (other roles).
    const locals: OfferingGroup[] = [];
    for (let i = 1000; i < 1100; i++) locals.push(local(`Linked ${i}`, `g${i}`, 'role-x', null));
    for (let i = 0; i < 100; i++) {
      const [role, resource, scope] = comboOf(i);
      locals.push(local(`Taken ${i}`, `other-${i}`, role.toUpperCase(), resource, scope));
    }
    for (let i = 0; i < 3000; i++) locals.push(local(`Unrelated ${i}`, `unrelated-${i}`, `zz-${i}`, null));
    const settled = Object.fromEntries(
      Array.from({ length: 50 }, (_, k) => [`g${1100 + k}`, { status: 'skipped' as const, reason: 'Linked already.' }]),
    );

    const review = reviewImport(wizard(choices, { results: settled }), locals, { roles: manyRoles, resources: manyResources });

    expect(review.rows).toHaveLength(many);
    const byId = new Map(review.rows.map((row) => [row.id, row]));
    expect(byId.get('g5')?.problems).toEqual([
      { level: 'error', message: 'Clashes with the local group “Taken 5”, which has the same role, resource and scope ID.' },
    ]);
    expect(byId.get('g100')?.problems).toEqual([]);
    expect(byId.get('g1000')?.problems).toEqual([
      { level: 'warning', message: 'Already linked to the local group “Linked 1000”: it will be skipped.' },
    ]);
    expect(byId.get('g1100')).toMatchObject({ done: true, problems: [] });
    expect(byId.get('g1200')?.problems.map((p) => p.message)).toEqual(['This role is not one of the offering’s roles.']);
    expect(byId.get('g1201')?.problems.map((p) => p.message)).toEqual(['Not a scope of this resource.']);
    // 600 groups share 10 combinations (role-k, no resource, no scope): each clashes with the 59 others.
    const clash = byId.get('g1202')?.problems ?? [];
    expect(clash).toHaveLength(1);
    // The other 59 are named three at a time, with a count of the rest.
    expect(clash[0]?.message).toBe(
      'Clashes with “Group g1232”, “Group g1262”, “Group g1292” and 56 other groups: same role, resource and scope ID.',
    );

    const errorRows = review.rows.filter((row) => row.problems.some((p) => p.level === 'error')).map((row) => row.id);
    // 100 local clashes + the 1800 groups after g1199 (invalid role, bad scope or a shared combination).
    expect(errorRows).toHaveLength(100 + 1800);
    expect(review).toMatchObject({ errors: 1900, warnings: 100, toSend: many - 100 - 50, ready: many - 100 - 50 - 1900 });
  });

  it('refuses names Waldur would refuse, and clips long names it repeats', () => {
    const long = 'L'.repeat(400);
    const state = wizard({ a: ['r1'], b: ['r1'], c: ['r2'] });
    state.groups.a = { name: long, path: '/long' };
    const review = reviewImport(state, [], { roles, resources });
    const [a, b] = review.rows;
    expect(a?.problems.map((p) => p.level)).toEqual(['error', 'error']);
    expect(a?.problems[1]?.message).toBe(
      'The name has 400 characters; Waldur refuses local group names longer than 150. Rename the group in Keycloak, or remove it from this import.',
    );
    // b quotes a's name clipped to 60 characters, not all 400.
    expect(b?.problems).toEqual([{ level: 'error', message: `Clashes with “${'L'.repeat(59)}…”: same role, resource and scope ID.` }]);
    expect(review).toMatchObject({ errors: 2, toSend: 3, ready: 1 });
  });

  it('indexes look-ups per array: a new roles or resources list is taken into account', () => {
    const choice = { role: 'r3', resource: 'res2', scope: 'q' };
    expect(choiceProblems(choice, { roles, resources })).toEqual({
      role: 'This role is not one of the offering’s roles.',
      resource: 'This resource is not one of the offering’s resources.',
    });
    const moreResources = [
      ...resources,
      { uuid: 'res2', name: 'new', options: { keycloak_available_scopes: [{ scope_type: 'project', scope_id: 'q', label: 'Q' }] } },
    ] as unknown as ProviderResource[];
    expect(
      choiceProblems(choice, {
        roles: [...roles, { uuid: 'r3', name: 'New', scope_type: 'project' } as OfferingRole],
        resources: moreResources,
      }),
    ).toEqual({});
    expect(choiceProblems(choice, { roles: undefined, resources: undefined })).toEqual({});
    expect(choiceProblems({ role: 'r1', resource: '', scope: 'q' }, { roles, resources })).toEqual({
      scope: 'Choose the resource of this scope ID.',
    });
  });

  it('reads the role uuid from the role URL', () => {
    expect(uuidFromUrl('http://h/api/marketplace-offering-user-roles/abc123/')).toBe('abc123');
    expect(uuidFromUrl(null)).toBe('');
  });
});
