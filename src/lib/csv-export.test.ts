import { describe, expect, it, vi } from 'vitest';
import { untilDone, withFakeClock } from '../test/fake-clock';
import { exportPagesAsCsv } from './csv-export';

type Item = { name: string };

/** `total` rows named r1…rN; later pages answer sooner, so page order must come from the export. */
function pager(total: number) {
  return vi.fn(async (page: number, pageSize: number) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - page * 5)));
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i): Item => ({ name: `r${start + i + 1}` }));
    return { items, total };
  });
}

const toLine = (item: Item) => item.name;

withFakeClock();

describe('exportPagesAsCsv', () => {
  it('writes a BOM and the header, then one part a page, in page order', async () => {
    const fetchPage = pager(7);
    const progress: { rows: number; total: number }[] = [];
    const result = await untilDone(
      exportPagesAsCsv({
        header: ['Name', 'a,b'],
        toLine,
        fetchPage,
        signal: new AbortController().signal,
        pageSize: 3,
        concurrency: 2,
        onProgress: (value) => progress.push(value),
      }),
    );
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage.mock.calls.every(([, size]) => size === 3)).toBe(true);
    expect(result.rows).toBe(7);
    expect(result.parts).toEqual(['\uFEFFName,"a,b"\r\n', 'r1\r\nr2\r\nr3\r\n', 'r4\r\nr5\r\nr6\r\n', 'r7\r\n']);
    expect(progress[0]).toEqual({ rows: 3, total: 7 });
    expect(progress.at(-1)).toEqual({ rows: 7, total: 7 });
  });

  it('an empty list gives the header only, after one request', async () => {
    const fetchPage = pager(0);
    const result = await untilDone(exportPagesAsCsv({ header: ['Name'], toLine, fetchPage, signal: new AbortController().signal }));
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ parts: ['\uFEFFName\r\n', ''], rows: 0 });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const inner = pager(100);
    const fetchPage = async (page: number, pageSize: number) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await inner(page, pageSize);
      } finally {
        inFlight -= 1;
      }
    };
    const result = await untilDone(
      exportPagesAsCsv({
        header: ['Name'],
        toLine,
        fetchPage,
        signal: new AbortController().signal,
        pageSize: 10,
        concurrency: 3,
      }),
    );
    expect(result.rows).toBe(100);
    expect(most).toBe(3);
  });

  it('does not start when already cancelled, and stops when cancelled midway', async () => {
    const aborted = new AbortController();
    aborted.abort();
    const idle = pager(10);
    await expect(untilDone(exportPagesAsCsv({ header: ['Name'], toLine, fetchPage: idle, signal: aborted.signal }))).rejects.toThrow();
    expect(idle).not.toHaveBeenCalled();

    // Cancelled while page 2 is in flight: the export rejects and asks for no further page.
    const controller = new AbortController();
    const inner = pager(50);
    const asked: number[] = [];
    const fetchPage = async (page: number, pageSize: number, signal: AbortSignal) => {
      asked.push(page);
      expect(signal).toBe(controller.signal);
      if (page === 2) controller.abort();
      return inner(page, pageSize);
    };
    await expect(
      untilDone(exportPagesAsCsv({ header: ['Name'], toLine, fetchPage, signal: controller.signal, pageSize: 10, concurrency: 1 })),
    ).rejects.toThrow();
    expect(asked).toEqual([1, 2]);
  });
});
