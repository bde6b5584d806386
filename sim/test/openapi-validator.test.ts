// The response validator must actually reject what the document forbids.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { openApiValidator } from './openapi.ts';

const v = openApiValidator();

async function sample(path: string): Promise<Record<string, unknown>> {
  const sim = createSimulator();
  const res = await sim.handle(new Request(`http://sim.test${path}`, { headers: { Authorization: `Token ${DEMO.tokens.staff}` } }));
  return (await res?.json()) as Record<string, unknown>;
}

describe('openapi validator', () => {
  it('accepts real answers and rejects broken ones', async () => {
    const group = await sample(`/api/offering-keycloak-groups/${DEMO.groups.a.genomics.uuid}/`);
    const path = `/api/offering-keycloak-groups/${DEMO.groups.a.genomics.uuid}/`;
    expect(() => v.validate('GET', path, 200, group)).not.toThrow();
    expect(() => v.validate('GET', path, 200, { ...group, uuid: DEMO.groups.a.genomics.uuid.replace(/^(.{8})/, '$1-') })).toThrow(/format/);
    const { name: _name, ...noName } = group;
    expect(() => v.validate('GET', path, 200, noName)).toThrow(/name/);
    expect(() => v.validate('GET', path, 200, { ...group, resource: null, resource_name: null })).not.toThrow();
    expect(() => v.validate('GET', path, 200, { ...group, offering_name: null })).toThrow();
    expect(() => v.validate('GET', path, 201, group)).toThrow(/not documented/);
    expect(() => v.validate('GET', path, 404, { detail: 'Not found.' })).not.toThrow();
  });

  it('rejects writeOnly fields in responses', async () => {
    const m = await sample(`/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`);
    const path = `/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`;
    expect(() => v.validate('GET', path, 200, m)).not.toThrow();
    expect(() => v.validate('GET', path, 200, { ...m, offering: 'http://x/api/marketplace-provider-offerings/1/' })).toThrow();
    expect(() => v.validate('GET', path, 200, { ...m, state: 'erred' })).toThrow();
  });

  it('validates list items', () => {
    expect(() =>
      v.validate('GET', '/api/offering-keycloak-groups/remote_groups/', 200, [{ id: 'a', name: 'b', path: '/b', sub_group_count: 0 }]),
    ).not.toThrow();
    expect(() => v.validate('GET', '/api/offering-keycloak-groups/remote_groups/', 200, [{ id: 'a', name: 'b', path: '/b' }])).toThrow();
  });
});
