import { describe, expect, it } from 'vitest';
import type { OfferingGroup, OfferingRole, ProviderResource } from '../../api/types';
import { choiceProblems, reviewImport, uuidFromUrl } from './review';
import { emptyWizard, type WizardState } from './wizard-state';

const roles = [{ uuid: 'r1', name: 'Viewer' }, { uuid: 'r2', name: 'Operator' }] as OfferingRole[];
const resources = [
  { uuid: 'res1', name: 'prod', options: { keycloak_available_scopes: [{ scope_type: 'project', scope_id: 'p-1', label: 'One' }] } },
] as unknown as ProviderResource[];
const local = (name: string, backend: string, role: string, resource: string | null, scope = '') =>
  ({ name, backend_id: backend, role: `http://x/api/marketplace-offering-user-roles/${role}/`, resource_uuid: resource ?? undefined, scope_id: scope }) as OfferingGroup;

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
    expect(choiceProblems({ role: 'r1', resource: 'res1', scope: 'p-9' }, { roles, resources })).toEqual({ scope: 'Not a scope of this resource.' });
    expect(choiceProblems({ role: 'gone', resource: 'gone', scope: '' }, { roles, resources })).toEqual({
      role: 'This role is not one of the offering’s roles.',
      resource: 'This resource is not one of the offering’s resources.',
    });
  });
});

describe('reviewImport', () => {
  it('flags clashes between chosen groups and with existing local groups', () => {
    const review = reviewImport(wizard({ a: ['r1'], b: ['r1'], c: ['r2', 'res1'], d: ['r2'] }), [local('Existing', 'zzz', 'r2', 'res1')], { roles, resources });
    const problems = Object.fromEntries(review.rows.map((row) => [row.id, row.problems.map((p) => p.message)]));
    expect(problems.a).toEqual(['Clashes with “Group b”: same role, resource and scope ID.']);
    expect(problems.b).toEqual(['Clashes with “Group a”: same role, resource and scope ID.']);
    expect(problems.c).toEqual(['Clashes with the local group “Existing”, which has the same role, resource and scope ID.']);
    expect(problems.d).toEqual([]);
    expect(review).toMatchObject({ errors: 3, warnings: 0, toSend: 4 });
  });

  it('warns about linked groups, does not count them as sent, and ignores settled ones', () => {
    const state = wizard({ a: ['r1'], b: [''], c: ['r1'] }, {
      results: { c: { status: 'imported', localGroup: { uuid: 'l', name: 'Group c' }, pull: null } },
    });
    const review = reviewImport(state, [local('Linked one', 'a', 'r2', null), local('Group c', 'c', 'r1', null)], { roles, resources });
    expect(review.rows.map((row) => [row.id, row.done, row.problems])).toEqual([
      ['a', false, [{ level: 'warning', message: 'Already linked to the local group “Linked one”: it will be skipped.' }]],
      ['b', false, [{ level: 'error', message: 'Choose a role.' }]],
      ['c', true, []],
    ]);
    expect(review).toMatchObject({ errors: 1, warnings: 1, toSend: 1 });
  });

  it('reads the role uuid from the role URL', () => {
    expect(uuidFromUrl('http://h/api/marketplace-offering-user-roles/abc123/')).toBe('abc123');
    expect(uuidFromUrl(null)).toBe('');
  });
});
