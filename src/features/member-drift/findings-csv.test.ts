import { describe, expect, it } from 'vitest';
import type { FindingRow } from './check-state';
import { findingsCsv } from './findings-csv';

const group: FindingRow['group'] = {
  uuid: 'g1',
  name: '=Group, one',
  backend_id: 'kc-1',
  offering: 'o',
  role: 'r',
  resource: null,
  scope_id: '',
  role_name: 'Viewer',
  resource_name: null,
};

const row = (extra: Partial<FindingRow>): FindingRow => ({
  id: 'x',
  groupUuid: group.uuid,
  group,
  kind: 'remote-only',
  username: 'alice',
  local: null,
  remote: { email: 'alice@example.com', first_name: '', last_name: '' },
  fields: [],
  ...extra,
});

describe('findingsCsv', () => {
  it('writes one line a finding with its details and the fix a click runs, formulas defused', () => {
    const lines = findingsCsv([
      row({}),
      row({
        id: 'y',
        kind: 'drift',
        username: 'bob',
        local: { uuid: 'm1', email: 'b@old', first_name: '', last_name: '', state: 'active', error_message: '' },
        remote: { email: 'b@new', first_name: '', last_name: '' },
        fields: [{ field: 'email', waldur: 'b@old', keycloak: 'b@new', pullCopies: true }],
      }),
    ]).split('\r\n');
    expect(lines[0]).toBe('Group,Role,Resource,Username,Difference,Details,Fix');
    expect(lines[1]).toBe(`"'=Group, one",Viewer,,alice,Only in Keycloak,,Add to Waldur`);
    expect(lines[2]).toBe(`"'=Group, one",Viewer,,bob,Details differ,"Email: Waldur “b@old”, Keycloak “b@new”",Pull members`);
    expect(lines[3]).toBe('');
  });
});
