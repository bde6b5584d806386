import { describe, expect, it } from 'vitest';
import { untilDone, withFakeClock } from '../../test/fake-clock';
import { exportFileName, exportMembershipsCsv, membershipCsvLine } from './export-csv';

function membership(n: number) {
  return {
    uuid: `u${n}`,
    username: `user${n}`,
    first_name: 'Ann',
    last_name: 'Lee',
    email: `user${n}@example.org`,
    group_name: `c_x_cluster-owner`,
    group_role: 'cluster-owner',
    group_scope_type: 'cluster',
    group_scope_name: null,
    state: 'active' as const,
    error_message: '',
    created: '2025-01-06T10:00:00.000000Z',
    last_checked: '2025-01-06T10:00:00.000000Z',
  };
}

withFakeClock();

describe('exportMembershipsCsv', () => {
  it('fetches every page at the largest size and keeps page order', async () => {
    const all = Array.from({ length: 7 }, (_, index) => membership(index + 1));
    const asked: number[] = [];
    const { parts, rows } = await untilDone(
      exportMembershipsCsv({
        pageSize: 3,
        signal: new AbortController().signal,
        fetchPage: async (page, pageSize) => {
          asked.push(page);
          // Later pages answer first: the order in the file must not depend on it.
          await new Promise((resolve) => setTimeout(resolve, (4 - page) * 5));
          return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
        },
      }),
    );
    expect(rows).toBe(7);
    expect(asked.sort()).toEqual([1, 2, 3]);
    const lines = parts
      .join('')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'Username,First name,Last name,Email,Group,Role,Scope type,Scope,State,Error,Created,Last checked,Membership UUID',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(all.map((item) => item.username));
  });

  it('neutralises formulas and quotes separators in user input', () => {
    const line = membershipCsvLine({ ...membership(1), username: '=HYPERLINK("x")', error_message: 'a, b' });
    expect(line.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(line).toContain('"a, b"');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      untilDone(exportMembershipsCsv({ signal: controller.signal, fetchPage: async () => ({ items: [], total: 0 }) })),
    ).rejects.toBeTruthy();
  });

  it('names the file by date', () => {
    expect(exportFileName(new Date('2025-01-06T12:00:00Z'))).toBe('rancher-memberships-2025-01-06.csv');
  });
});
