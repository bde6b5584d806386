import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BulkProgress, type BulkResult, type BulkWords } from './bulk-progress';

const WORDS: BulkWords = {
  doing: 'Archiving',
  did: 'Archived',
  done: 'archived',
  notDone: 'not archived',
  alreadyDone: 'already archived',
  stayHint: 'The files that could not be archived stay selected: use “Archive selected” to try again.',
  // The page's plural-aware count (an ICU plural message in the app).
  count: (count) => (count === 1 ? '1 file' : `${count} files`),
  retry: 'Archive selected',
  progressLabel: 'Archive progress',
  resultsLabel: 'Archive results',
};

function show(props: { running: boolean; total: number; results: BulkResult[] }, words: BulkWords = WORDS) {
  const onDismiss = vi.fn();
  render(
    <I18nProvider i18n={i18n}>
      <MantineProvider env="test">
        <BulkProgress {...props} words={words} onDismiss={onDismiss} />
      </MantineProvider>
    </I18nProvider>,
  );
  return onDismiss;
}

describe('BulkProgress', () => {
  it('while running: counts done of total, no dismiss', () => {
    show({ running: true, total: 4, results: [{ key: 'a', label: 'a.txt', status: 'done' }] });
    expect(screen.getByRole('status').textContent).toContain('Archiving: 1 of 4 files');
    expect(screen.getByRole('progressbar', { name: 'Archive progress' }).getAttribute('aria-valuenow')).toBe('25');
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });

  it('when finished: one line per row, failures explained, retry hint, dismiss', async () => {
    const onDismiss = show({
      running: false,
      total: 3,
      results: [
        { key: 'a', label: 'a.txt', status: 'done' },
        { key: 'b', label: '<img src=x onerror=alert(1)>', status: 'gone' },
        { key: 'c', label: 'c.txt', status: 'failed', error: new Error('Disk full') },
      ],
    });
    expect(screen.getByText('Archived 2 of 3 files; 1 failed')).toBeTruthy();
    const lines = within(screen.getByRole('list', { name: 'Archive results' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual(['✓ a.txt: archived', '✓ <img src=x onerror=alert(1)>: already archived', '✗ c.txt: not archived. Disk full']);
    expect(screen.getByText('The files that could not be archived stay selected: use “Archive selected” to try again.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('all done: singular or plural, no retry hint', () => {
    show({ running: false, total: 1, results: [{ key: 'a', label: 'a.txt', status: 'done' }] });
    expect(screen.getByText('Archived 1 file')).toBeTruthy();
    expect(screen.queryByText(/stay selected/)).toBeNull();
  });

  it('without the page’s own words, says it without a noun (none is put into a sentence)', () => {
    const { count: _count, notDone: _notDone, alreadyDone: _alreadyDone, stayHint: _stayHint, ...bare } = WORDS;
    show(
      {
        running: false,
        total: 2,
        results: [
          { key: 'a', label: 'a.txt', status: 'gone' },
          { key: 'c', label: 'c.txt', status: 'failed', error: new Error('Disk full') },
        ],
      },
      bare,
    );
    expect(screen.getByText('Archived 1 of 2; 1 failed')).toBeTruthy();
    const lines = within(screen.getByRole('list', { name: 'Archive results' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual(['✓ a.txt: already done', '✗ c.txt: failed. Disk full']);
    expect(screen.getByText('The rows that failed stay selected: use “Archive selected” to try again.')).toBeTruthy();
  });

  // A long list scrolls in its region: the keyboard reaches it (axe scrollable-region-focusable).
  it('the results scroll in a named region the keyboard can reach', async () => {
    show({ running: false, total: 1, results: [{ key: 'a', label: 'a.txt', status: 'done' }] });
    const region = screen.getByRole('region', { name: 'Archive results' });
    expect(within(region).getByRole('list', { name: 'Archive results' })).toBeTruthy();
    await userEvent.tab();
    expect(document.activeElement).toBe(region);
  });
});
