import { describe, expect, it } from 'vitest';
import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { joinSyncStatus } from './join';
import { sameNamePartners } from './same-name';

let counter = 0;
function local(name: string, backendId = ''): OfferingGroup {
  counter += 1;
  const uuid = counter.toString(16).padStart(32, '0');
  return { uuid, name, backend_id: backendId, role_name: 'admin', scope_id: '' } as OfferingGroup;
}
const remote = (id: string, name: string): RemoteGroup => ({ id, name, path: `/base/${name}`, sub_group_count: 0 });

describe('sameNamePartners', () => {
  it('pairs a Waldur line with the Keycloak line of the same name (NFC), and no other', () => {
    const op = local('Operator');
    const cafe = local('Cafe\u0301');
    const alone = local('Alone');
    const join = joinSyncStatus(
      { synced: [], local_only: ['Operator', 'Cafe\u0301', 'Alone'], remote_only: ['Operator', 'Caf\u00e9', 'Other'] },
      [op, cafe, alone],
      [remote('r-op', 'Operator'), remote('r-cafe', 'Caf\u00e9'), remote('r-other', 'Other')],
    );
    const partners = sameNamePartners(join);
    const byName = new Map(join.local.map((line) => [line.name, partners.get(line.id)?.id]));
    expect(byName).toEqual(
      new Map([
        ['Operator', 'r-op'],
        ['Cafe\u0301', 'r-cafe'],
        ['Alone', undefined],
      ]),
    );
  });

  it('offers no pair when the name repeats on either side: the admin chooses in the dialog', () => {
    const join = joinSyncStatus(
      { synced: [], local_only: ['Team', 'Team', 'Solo'], remote_only: ['Team', 'Solo', 'Solo'] },
      [local('Team'), local('Team'), local('Solo')],
      [remote('t', 'Team'), remote('s1', 'Solo'), remote('s2', 'Solo')],
    );
    expect(sameNamePartners(join).size).toBe(0);
  });

  it('offers no pair before the remote groups are known', () => {
    const join = joinSyncStatus({ synced: [], local_only: ['Operator'], remote_only: ['Operator'] }, [local('Operator')], []);
    expect(sameNamePartners(join).size).toBe(0);
  });
});
