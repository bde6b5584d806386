import { checked, notMeasured } from '../figure.ts';
import { TABS, type BenchWindow } from '../page.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';
import { routeIsPlaceholder } from './warm-tabs.ts';

const TEXT_LENGTH = 10;
const KEY_DELAY_MS = 80;

type SearchRequest = { q: string; start: number; end: number | null; outcome: 'ok' | 'failed' | 'pending' };
type Run = {
  text: string;
  /** [start, responseEnd] of each search request, ms after the last keystroke (Resource Timing). */
  pageTimings: number[][];
  requests: SearchRequest[];
  lastKeyAt: number;
  resultsAfterLastKeyMs: number;
  rows: number;
  rowsMatching: number;
  tableLabel: string;
  pass: boolean;
  why: string;
};

/** Ten-character search texts that match some users of the large realm (prefixes of usernames). */
async function searchTexts(bench: Bench, count: number): Promise<string[]> {
  const texts = new Set<string>();
  for (const seed of ['al', 'bo', 'ca', 'dm', 'ee', 'fa', 'gi', 'hi', 'in', 'ju', 'ka', 'la', 'ni', 'ok', 'qu', 'ra', 'si', 'to']) {
    const response = await fetch(
      `${bench.server.url}/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${bench.offeringUuid}&q=${seed}`,
      { headers: { Authorization: `Token ${await bench.token()}` } },
    );
    const users = (await response.json()) as { username: string }[];
    for (const user of users) {
      if (user.username.length >= TEXT_LENGTH && user.username.startsWith(seed)) texts.add(user.username.slice(0, TEXT_LENGTH));
      if (texts.size >= count) return [...texts];
    }
  }
  return [...texts];
}

/**
 * Remote user search: types ten characters, KEY_DELAY_MS apart, into "Search remote users" on
 * a fresh page and records every search_remote_users request (start, end, aborted or not).
 * Passes when one request is sent after the typing (or two, the first finished before the
 * second started) and the table shown at the end is for the final text, every row matching it.
 */
export async function remoteSearchFigures(bench: Bench): Promise<Figure[]> {
  const base = {
    id: 'remote-search-requests',
    title: `Remote user search: typing ${TEXT_LENGTH} characters at ${KEY_DELAY_MS} ms each`,
    target: '1 request after the debounce (2 if the first finished earlier); final text only',
  };
  const tab = TABS.find((t) => t.path === 'remote-users');
  if (!tab || (await routeIsPlaceholder(bench, tab))) return [notMeasured({ ...base, reason: 'page not built yet' })];

  const texts = await searchTexts(bench, bench.runs);
  if (texts.length < bench.runs) throw new Error(`Found only ${texts.length} search texts`);
  const context = await bench.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const runs: Run[] = [];
  try {
    for (let i = -1; i < bench.runs; i++) {
      const text = texts[Math.max(0, i)] ?? '';
      const { page, close } = await bench.newPage({ context });
      try {
        const requests: SearchRequest[] = [];
        const byRequest = new Map<object, SearchRequest>();
        page.on('request', (request) => {
          if (!request.url().includes('/search_remote_users/')) return;
          const entry: SearchRequest = {
            q: new URL(request.url()).searchParams.get('q') ?? '',
            start: Date.now(),
            end: null,
            outcome: 'pending',
          };
          requests.push(entry);
          byRequest.set(request, entry);
        });
        const settle = (outcome: 'ok' | 'failed') => (request: object) => {
          const entry = byRequest.get(request);
          if (entry) Object.assign(entry, { end: Date.now(), outcome });
        };
        page.on('requestfinished', settle('ok'));
        page.on('requestfailed', settle('failed'));

        await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/${tab.path}`, { waitUntil: 'domcontentloaded' });
        const box = page.getByRole('searchbox', { name: 'Search remote users' });
        await box.waitFor({ state: 'visible', timeout: 60_000 });
        await box.click();
        const typingStarted = Date.now();
        await box.pressSequentially(text, { delay: KEY_DELAY_MS });
        const lastKeyAt = Date.now();
        const table = page.getByRole('table', { name: `Remote users matching “${text}”`, exact: true });
        const rowSelector = `table[aria-label="Remote users matching “${text}”"] tbody tr`;
        const shown = await page.evaluate((selector) => (window as unknown as BenchWindow).__bench.appear(selector, 30_000), rowSelector);
        const keys = await page.evaluate(() => (window as unknown as BenchWindow).__bench.keys);
        if (keys.count !== text.length) throw new Error(`Typed ${keys.count} keys, expected ${text.length}`);
        const resultsAfterLastKeyMs = shown.paint - (keys.last ?? NaN);
        const sentAt = await page.evaluate(
          (last) =>
            performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes('/search_remote_users/'))
              .map((e) => [e.startTime - last, (e as PerformanceResourceTiming).responseEnd - last]),
          keys.last ?? 0,
        );
        // Anything sent late would show up here.
        await page.waitForTimeout(1000);
        if (i < 0) continue; // warm-up: loads the tab's code

        const rowTexts = await table.locator('tbody tr').allTextContents();
        const rowsMatching = rowTexts.filter((t) => t.toLowerCase().includes(text.toLowerCase())).length;
        const tableLabel = (await page.getByRole('table').first().getAttribute('aria-label')) ?? '';
        const during = requests.filter((r) => r.start >= typingStarted);
        const [first, second] = during;
        let why = '';
        if (during.length === 0) why = 'no request was sent';
        else if (during.length > 2) why = `${during.length} requests were sent (${during.map((r) => `“${r.q}”`).join(', ')})`;
        else if (during.length === 2 && !(first?.end !== null && first && second && first.end <= second.start && first.outcome === 'ok'))
          why = `2 requests overlapped (${during.map((r) => `“${r.q}” ${r.outcome}`).join(', ')})`;
        else if (during[during.length - 1]?.q !== text) why = `the last request was for “${during[during.length - 1]?.q}”`;
        else if (rowsMatching !== rowTexts.length) why = `${rowTexts.length - rowsMatching} result rows do not match “${text}”`;
        else if (tableLabel !== `Remote users matching “${text}”`) why = `the table shown is “${tableLabel}”`;
        runs.push({
          text,
          requests: during.map((r) => ({ ...r, start: r.start - lastKeyAt, end: r.end === null ? null : r.end - lastKeyAt })),
          pageTimings: sentAt,
          lastKeyAt: 0,
          resultsAfterLastKeyMs,
          rows: rowTexts.length,
          rowsMatching,
          tableLabel,
          pass: why === '',
          why,
        });
      } finally {
        await close();
      }
    }
  } finally {
    await context.close();
  }
  const counts = runs.map((r) => r.requests.length);
  const shown = summarize(runs.map((r) => r.resultsAfterLastKeyMs));
  const failures = runs.filter((r) => !r.pass).map((r) => `“${r.text}”: ${r.why}`);
  return [
    checked({
      ...base,
      passes: runs.map((r) => r.pass),
      result: `${summarize(counts).median} request(s) (min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
      note:
        `Texts like “${runs[0]?.text}”, a fresh page each run; requests counted from the first keystroke, from the browser's own request events. ` +
        `Results for the final text shown ${Math.round(shown.median)} ms after the last keystroke (median; min ${Math.round(shown.min)}, max ${Math.round(shown.max)}), ` +
        `first request sent ${Math.round(summarize(runs.map((r) => r.pageTimings[0]?.[0] ?? NaN)).median)} ms after it (the debounce), answered ${Math.round(summarize(runs.map((r) => r.pageTimings[0]?.[1] ?? NaN)).median)} ms after it.`,
      missedBecause: failures.join('; '),
      details: { runs },
    }),
  ];
}
