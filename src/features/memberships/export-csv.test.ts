import { describe, expect, it, vi } from 'vitest';
import { untilDone, withFakeClock } from '../../test/fake-clock';
import { CSV_HEADER, exportFileName, exportMembersCsv, memberCsvLine } from './export-csv';

type Row = Parameters<typeof memberCsvLine>[0];

function row(n: number, extra: Partial<Row> = {}): Row {
  return {
    uuid: `u${n}`,
    username: `user${n}`,
    first_name: 'First',
    last_name: 'Last',
    email: `user${n}@example.org`,
    group_name: 'Group',
    group_role_name: 'Viewer',
    group_resource_name: null,
    group_scope_id: '',
    state: 'active',
    error_message: '',
    created: '2025-01-06T09:00:00.000000Z',
    last_checked: '2025-01-06T09:00:00.000000Z',
    ...extra,
  };
}

/** A fake paginated list of `total` rows, answering pages in reverse order of request. */
function pager(total: number) {
  const requested: number[] = [];
  const fetchPage = vi.fn(async (page: number, pageSize: number) => {
    requested.push(page);
    // Later pages answer sooner: the export must still keep page order.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - page)));
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => row(start + i + 1));
    return { items, total };
  });
  return { fetchPage, requested };
}

withFakeClock();

describe('exportMembersCsv', () => {
  it('fetches every page at the given page size and keeps the rows in order', async () => {
    const { fetchPage } = pager(7);
    const progress: number[] = [];
    const result = await untilDone(
      exportMembersCsv({
        fetchPage,
        signal: new AbortController().signal,
        pageSize: 3,
        onProgress: ({ rows }) => progress.push(rows),
      }),
    );
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage.mock.calls.every(([, size]) => size === 3)).toBe(true);
    expect(result.rows).toBe(7);
    const text = result.parts.join('');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF' + CSV_HEADER.join(','));
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['user1', 'user2', 'user3', 'user4', 'user5', 'user6', 'user7']);
    expect(progress.at(-1)).toBe(7);
    // Parts are strings only, one per page plus the header: no row objects are kept.
    expect(result.parts.every((part) => typeof part === 'string')).toBe(true);
    expect(result.parts).toHaveLength(4);
  });

  it('an empty list gives the header only', async () => {
    const { fetchPage } = pager(0);
    const result = await untilDone(exportMembersCsv({ fetchPage, signal: new AbortController().signal }));
    expect(result.rows).toBe(0);
    expect(result.parts.join('')).toBe('\uFEFF' + CSV_HEADER.join(',') + '\r\n');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const { fetchPage } = pager(3000);
    const running = exportMembersCsv({
      fetchPage,
      signal: controller.signal,
      pageSize: 300,
      onProgress: ({ rows }) => {
        if (rows >= 600) controller.abort();
      },
    });
    await expect(untilDone(running)).rejects.toThrow();
    expect(fetchPage.mock.calls.length).toBeLessThan(10);
  });

  it('escapes hostile cells and neutralises spreadsheet formulas', () => {
    const line = memberCsvLine(row(1, { first_name: '=HYPERLINK("x")', last_name: 'a,b', group_name: '<img src=x onerror=alert(1)>' }));
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"a,b"');
    expect(line).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('exportFileName', () => {
  it('names the file after the offering and the day', () => {
    expect(exportFileName('Alpha HPC Platform', new Date('2025-01-06T12:00:00Z'))).toBe('members-alpha-hpc-platform-2025-01-06.csv');
    expect(exportFileName('<script>', new Date('2025-01-06T12:00:00Z'))).toBe('members-script-2025-01-06.csv');
    expect(exportFileName('فريق', new Date('2025-01-06T12:00:00Z'))).toBe('members-offering-2025-01-06.csv');
  });
});
