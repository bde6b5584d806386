import { describe, expect, it } from 'vitest';
import { rangeItems, rowStarts, sameRange, totalSize, visibleRange } from './virtual-range';

const fixed = (count: number, size: number) => rowStarts(count, () => size);

describe('rowStarts', () => {
  it('sums the sizes before each row, the total last', () => {
    expect([...rowStarts(4, (index) => [10, 20, 5, 40][index] ?? 0)]).toEqual([0, 10, 30, 35, 75]);
    expect(totalSize(rowStarts(4, (index) => [10, 20, 5, 40][index] ?? 0))).toBe(75);
  });

  it('has only the total, 0, for no rows', () => {
    expect([...rowStarts(0, () => 10)]).toEqual([0]);
    expect(totalSize(rowStarts(0, () => 10))).toBe(0);
  });

  it('counts negative and missing sizes as 0', () => {
    expect([...rowStarts(3, (index) => [5, -3, Number.NaN][index] ?? 0)]).toEqual([0, 5, 5, 5]);
  });
});

describe('visibleRange', () => {
  it('draws nothing for no rows or a viewport of no height', () => {
    expect(visibleRange(fixed(0, 40), 0, 480, 6)).toBeNull();
    expect(visibleRange(fixed(100, 40), 0, 0, 6)).toBeNull();
  });

  it('draws the rows in view at the top, overscan below only', () => {
    // 480 px of 40 px rows: rows 0 to 11 are in view (row 11 ends at 480).
    expect(visibleRange(fixed(100, 40), 0, 480, 0)).toEqual({ first: 0, last: 11 });
    expect(visibleRange(fixed(100, 40), 0, 480, 6)).toEqual({ first: 0, last: 17 });
  });

  it('counts rows cut by either edge as in view', () => {
    // 100 to 580: row 2 (80..120) to row 14 (560..600).
    expect(visibleRange(fixed(100, 40), 100, 480, 0)).toEqual({ first: 2, last: 14 });
    expect(visibleRange(fixed(100, 40), 100, 480, 3)).toEqual({ first: 0, last: 17 });
    // A row that starts exactly at the top edge is the first.
    expect(visibleRange(fixed(100, 40), 120, 480, 0)).toEqual({ first: 3, last: 14 });
  });

  it('reaches the last row at the end, overscan above only', () => {
    // 4000 px in all, 480 in view: the end is at 3520, rows 88 to 99.
    expect(visibleRange(fixed(100, 40), 3520, 480, 0)).toEqual({ first: 88, last: 99 });
    expect(visibleRange(fixed(100, 40), 3520, 480, 4)).toEqual({ first: 84, last: 99 });
  });

  it('takes an offset past the end (a list that shrank) as the end, and a negative one as the top', () => {
    expect(visibleRange(fixed(100, 40), 1_000_000, 480, 0)).toEqual({ first: 88, last: 99 });
    expect(visibleRange(fixed(100, 40), -50, 480, 0)).toEqual({ first: 0, last: 11 });
  });

  it('draws every row of a list shorter than the viewport', () => {
    expect(visibleRange(fixed(5, 40), 0, 480, 2)).toEqual({ first: 0, last: 4 });
    expect(visibleRange(fixed(5, 40), 300, 480, 0)).toEqual({ first: 0, last: 4 });
    expect(visibleRange(fixed(1, 40), 0, 480, 10)).toEqual({ first: 0, last: 0 });
  });

  it('finds rows of different sizes', () => {
    const sizes = [100, 20, 20, 300, 50, 50, 50, 50, 50, 50];
    const starts = rowStarts(sizes.length, (index) => sizes[index] ?? 0);
    // 0 100 120 140 440 490 540 590 640 690 | 740
    expect(visibleRange(starts, 130, 100, 0)).toEqual({ first: 2, last: 3 });
    expect(visibleRange(starts, 439, 2, 0)).toEqual({ first: 3, last: 4 });
    expect(visibleRange(starts, 440, 100, 1)).toEqual({ first: 3, last: 6 });
  });

  it('starts at the first of rows of no size at the top edge', () => {
    const sizes = [0, 0, 0, 40, 40, 40];
    const starts = rowStarts(sizes.length, (index) => sizes[index] ?? 0);
    expect(visibleRange(starts, 0, 40, 0)).toEqual({ first: 0, last: 3 });
    expect(
      visibleRange(
        rowStarts(4, () => 0),
        0,
        480,
        0,
      ),
    ).toEqual({ first: 0, last: 3 });
  });

  it('stays fast on a long list', () => {
    const starts = rowStarts(1_000_000, (index) => 40 + (index % 7));
    const began = performance.now();
    for (let offset = 0; offset < totalSize(starts); offset += 997) visibleRange(starts, offset, 900, 4);
    expect(performance.now() - began).toBeLessThan(1000);
    expect(visibleRange(starts, totalSize(starts), 900, 4)?.last).toBe(999_999);
  });
});

describe('sameRange', () => {
  it('compares first and last', () => {
    expect(sameRange(null, null)).toBe(true);
    expect(sameRange({ first: 1, last: 5 }, { first: 1, last: 5 })).toBe(true);
    expect(sameRange({ first: 1, last: 5 }, { first: 1, last: 6 })).toBe(false);
    expect(sameRange({ first: 1, last: 5 }, null)).toBe(false);
  });
});

describe('rangeItems', () => {
  it('gives each row of the range its key, start, size and end', () => {
    const starts = rowStarts(3, (index) => [10, 20, 30][index] ?? 0);
    expect(rangeItems(starts, { first: 1, last: 2 }, (index) => `row-${index}`)).toEqual([
      { index: 1, key: 'row-1', start: 10, size: 20, end: 30 },
      { index: 2, key: 'row-2', start: 30, size: 30, end: 60 },
    ]);
    expect(rangeItems(starts, null, (index) => index)).toEqual([]);
  });
});
