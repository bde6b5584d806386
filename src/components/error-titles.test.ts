import { describe, expect, it } from 'vitest';

/**
 * Issue 29, item 18: one form of error title. An error alert's title says what failed as
 * "Could not <do what>" ("Could not list the members"), or what the account may not do as
 * "You cannot <do what>"; never "Keycloak could not be reached" on one page and "Could not
 * reach …" on the next. Read from the source: every literal title given to an ErrorAlert.
 */
const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

function titles(): { file: string; title: string }[] {
  const found: { file: string; title: string }[] = [];
  for (const [file, source] of Object.entries(sources)) {
    for (const alert of source.matchAll(/<ErrorAlert\b[\s\S]*?\/>/g)) {
      const line = /\btitle=\{(.*)\}\n/.exec(alert[0])?.[1] ?? '';
      for (const literal of line.matchAll(/\bt`([^`]*)`/g)) found.push({ file, title: literal[1] ?? '' });
    }
  }
  return found;
}

describe('error titles', () => {
  it('are read from the source', () => {
    expect(titles().length).toBeGreaterThan(8);
  });

  it('all say "Could not …" or "You cannot …"', () => {
    expect(titles().filter(({ title }) => !/^(Could not|You cannot) /.test(title))).toEqual([]);
  });
});
