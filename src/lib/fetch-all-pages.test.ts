import { describe, expect, it } from 'vitest';
import { fetchAllPages } from './fetch-all-pages';

const rows = Array.from({ length: 1001 }, (_, index) => index);

function pager(total = rows.length) {
  const asked: number[] = [];
  const fetchPage = async (page: number, pageSize: number) => {
    asked.push(page);
    return { items: rows.slice((page - 1) * pageSize, page * pageSize).slice(0, Math.max(0, total - (page - 1) * pageSize)), total };
  };
  return { asked, fetchPage };
}

describe('fetchAllPages', () => {
  it('reads every page in order', async () => {
    const { asked, fetchPage } = pager();
    const result = await fetchAllPages(fetchPage, { pageSize: 100, concurrency: 3 });
    expect(result.total).toBe(1001);
    expect(result.items).toEqual(rows);
    expect([...asked].sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('stops after one short page', async () => {
    const { asked, fetchPage } = pager(5);
    const result = await fetchAllPages(fetchPage, { pageSize: 100 });
    expect(result.items).toHaveLength(5);
    expect(asked).toEqual([1]);
  });
});
