import { act, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useVirtualRows } from './use-virtual-rows';

// happy-dom lays nothing out: the scroll box is 100 px high; rows are what `size` says.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(100);
});
afterAll(() => vi.restoreAllMocks());

const twenty = () => 20;

function List({
  count,
  measured = false,
  rowKey,
  onRender,
}: {
  count: number;
  measured?: boolean;
  rowKey?: (index: number) => string;
  onRender?: () => void;
}) {
  const { scrollRef, items, totalSize, measureRow } = useVirtualRows<HTMLDivElement>({
    count,
    size: twenty,
    overscan: 2,
    initialHeight: 100,
    rowKey,
    measured,
  });
  onRender?.();
  return (
    <div ref={scrollRef} role="region" aria-label="Rows" tabIndex={0}>
      <div role="list" data-total={totalSize}>
        {items.map((item) => (
          <div key={item.key} role="listitem" data-index={item.index} data-start={item.start} ref={measured ? measureRow : undefined}>
            {item.key}
          </div>
        ))}
      </div>
    </div>
  );
}

const drawn = () => screen.queryAllByRole('listitem').map((row) => Number(row.dataset.index));
const total = () => Number(screen.getByRole('list').dataset.total);

function scrollTo(offset: number) {
  const box = screen.getByRole('region', { name: 'Rows' });
  box.scrollTop = offset;
  act(() => {
    box.dispatchEvent(new Event('scroll'));
  });
}

describe('useVirtualRows', () => {
  it('draws the rows in view and the overscan, and follows the scroll position', () => {
    render(<List count={1000} />);
    // 0 to 100 px: rows 0 to 4, and 2 more below.
    expect(drawn()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(total()).toBe(20_000);
    scrollTo(400);
    expect(drawn()).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26]);
    scrollTo(20_000);
    expect(drawn()).toEqual([93, 94, 95, 96, 97, 98, 99].map((index) => index + 900));
  });

  it('renders on a scroll only when it changes the rows drawn', () => {
    const onRender = vi.fn();
    render(<List count={1000} onRender={onRender} />);
    const renders = onRender.mock.calls.length;
    scrollTo(10);
    expect(onRender.mock.calls.length).toBe(renders + 1);
    scrollTo(15);
    scrollTo(19);
    expect(onRender.mock.calls.length).toBe(renders + 1);
    expect(drawn()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('draws nothing for no rows, and every row of a short list', () => {
    const { rerender } = render(<List count={0} />);
    expect(drawn()).toEqual([]);
    expect(total()).toBe(0);
    rerender(<List count={3} />);
    expect(drawn()).toEqual([0, 1, 2]);
  });

  describe('measured rows', () => {
    // happy-dom's ResizeObserver never reports: this one reports what a test tells it to.
    const observers: { callback: ResizeObserverCallback; targets: Set<Element> }[] = [];
    beforeAll(() => {
      vi.stubGlobal(
        'ResizeObserver',
        class {
          private readonly state: { callback: ResizeObserverCallback; targets: Set<Element> };
          constructor(callback: ResizeObserverCallback) {
            this.state = { callback, targets: new Set() };
            observers.push(this.state);
          }
          observe(target: Element) {
            this.state.targets.add(target);
          }
          unobserve(target: Element) {
            this.state.targets.delete(target);
          }
          disconnect() {
            this.state.targets.clear();
          }
        },
      );
    });
    afterAll(() => vi.unstubAllGlobals());

    function resize(index: number, height: number) {
      const row = screen.getAllByRole('listitem').find((element) => element.dataset.index === String(index));
      if (!row) throw new Error(`row ${index} is not drawn`);
      const observer = observers.find((candidate) => candidate.targets.has(row));
      if (!observer) throw new Error(`row ${index} is not observed`);
      const entry = { target: row, borderBoxSize: [{ blockSize: height, inlineSize: 100 }] } as unknown as ResizeObserverEntry;
      act(() => observer.callback([entry], {} as ResizeObserver));
    }

    it('replaces estimates with measured heights, kept by row key when rows move', () => {
      const keys = Array.from({ length: 100 }, (_, index) => `k${index}`);
      const byKey = (index: number) => keys[index] ?? index.toString();
      const { rerender } = render(<List count={100} measured rowKey={byKey} />);
      resize(1, 60);
      expect(total()).toBe(100 * 20 + 40);
      // Row 1 grew by 40 px: rows 0 to 2 fill the 100 px now, and 2 more are drawn below.
      expect(screen.getAllByRole('listitem').map((row) => Number(row.dataset.start))).toEqual([0, 20, 80, 100, 120]);
      // A row inserted at the top: "k1" is row 2 now and keeps its height.
      keys.unshift('new');
      const byKeyAfter = (index: number) => keys[index] ?? index.toString();
      rerender(<List count={101} measured rowKey={byKeyAfter} />);
      expect(total()).toBe(101 * 20 + 40);
      expect(screen.getByText('k1').dataset.start).toBe('40');
    });

    it('keeps the rows in view still when a row above them grows', () => {
      render(<List count={100} measured />);
      scrollTo(300);
      // Row 14 (280 to 300) is drawn above the viewport, as overscan.
      resize(14, 50);
      expect(screen.getByRole('region', { name: 'Rows' }).scrollTop).toBe(330);
      // A row below the top edge growing moves nothing.
      resize(20, 50);
      expect(screen.getByRole('region', { name: 'Rows' }).scrollTop).toBe(330);
    });
  });
});
