// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../api/types';
import { drawLines, drawSyncPage, lineHtml } from './sync-frame';

// The boot script's lines are held to the app's own by e2e/boot-frame.spec.ts, element by
// element; these cover what the demo data there does not: markup in every field, a renamed
// group, a line without a name, and the page's parts filled in from the sync status alone.
const element = (html: string) => {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const first = holder.firstElementChild;
  if (!first) throw new Error('nothing drawn');
  return first;
};

const HOSTILE = '<img src=x onerror=alert(1)>"&';

describe('lineHtml', () => {
  it('writes names and ids as text, never as markup', () => {
    const line = element(
      lineHtml(
        {
          kind: 'synced',
          id: 's',
          localName: HOSTILE,
          remoteName: '<b>renamed</b>',
          backendId: '"><script>',
          candidates: [],
          remote: null,
        },
        { index: 2, start: 154, size: 77 },
        9,
      ),
    );
    expect(line.querySelector('img, b, script')).toBeNull();
    expect(line.querySelector('.sync-status-view_name')?.textContent).toBe(HOSTILE);
    expect(line.querySelector('.sync-status-view_name')?.getAttribute('title')).toBe(HOSTILE);
    expect(line.querySelector('input')?.getAttribute('aria-label')).toBe(`Select ${HOSTILE}`);
    expect(line.querySelector('button')?.getAttribute('aria-label')).toBe(`Pull members of ${HOSTILE}`);
    // Renamed in Keycloak: the remote name is shown, quoted, before the id.
    const keycloak = line.querySelectorAll('.sync-status-view_detail')[0];
    expect(keycloak?.textContent).toBe('Keycloak: “<b>renamed</b>” · id "><script>');
    expect(keycloak?.getAttribute('title')).toBe('Keycloak: “<b>renamed</b>” · id "><script>');
    // Where the virtualised list puts it, and its place among the section's lines.
    expect(line.getAttribute('aria-posinset')).toBe('3');
    expect(line.getAttribute('aria-setsize')).toBe('9');
    expect((line as HTMLElement).style.transform).toBe('translateY(154px)');
  });

  it('draws a line without a name as the app does, and each kind with its actions, all waiting for their group', () => {
    const unnamed = element(lineHtml({ kind: 'local', id: 'l', name: '', candidates: [] }, { index: 0, start: 0, size: 57 }, 1));
    expect(unnamed.querySelector('.sync-status-view_name')?.className).toBe('sync-status-view_name sync-status-view_unnamed');
    expect(unnamed.querySelector('.sync-status-view_name')?.textContent).toBe('(no name)');
    expect([...unnamed.querySelectorAll('button')].map((button) => [button.textContent, button.hasAttribute('disabled')])).toEqual([
      ['Link to remote group', true],
      ['Delete', true],
    ]);
    expect(unnamed.textContent).toContain('Looking up the local group…');

    const remote = element(lineHtml({ kind: 'remote', id: 'r', name: 'team', candidates: [] }, { index: 0, start: 0, size: 57 }, 1));
    expect(remote.querySelector('button')?.getAttribute('aria-label')).toBe('Import team');
    expect(remote.textContent).toContain('Looking up the Keycloak group…');
  });
});

describe('drawSyncPage and drawLines', () => {
  const template = (html: string) => {
    const node = document.createElement('template');
    node.innerHTML = html;
    return node;
  };
  const section = (kind: string, list = true) =>
    `<section data-boot-section="${kind}"><h2>${kind} ({count})</h2><label>Select all {count}</label>${
      list ? '<div><div role="list"></div></div>' : '<p>None.</p>'
    }</section>`;

  it('fills in counts, the time and the sizes, takes an empty section from the copy without lines, and draws the first lines', () => {
    const page = template(`<p data-boot-slot="checked"></p>${section('synced')}${section('local')}${section('remote')}`).content;
    const none = template(section('synced', false) + section('local', false) + section('remote', false));
    const status: SyncStatus = {
      synced: Array.from({ length: 12_345 }, (_, index) => ({
        local_name: `g${index}`,
        remote_name: `g${index}`,
        backend_id: `id${index}`,
      })),
      local_only: [],
      remote_only: ['b', 'a'],
    };
    const drawn = drawSyncPage(page, none, status, 'Last checked at 10:00:00');
    if (!drawn) throw new Error('not drawn');
    drawLines(drawn, status, ['synced', 'remote']);

    expect(drawn.querySelector('[data-boot-slot="checked"]')?.textContent).toBe('Last checked at 10:00:00');
    const synced = drawn.querySelector('section[data-boot-section="synced"]');
    expect(synced?.querySelector('h2')?.textContent).toBe(`synced (${(12_345).toLocaleString()})`);
    expect(synced?.querySelector('label')?.textContent).toBe(`Select all ${(12_345).toLocaleString()}`);
    const list = synced?.querySelector<HTMLElement>('[role="list"]');
    expect(list?.style.height).toBe(`${12_345 * 77}px`);
    expect(list?.parentElement?.style.height).toBe('480px');
    // The lines the list draws first: the screen's, and four more; in order, numbers by value.
    const names = [...(list?.querySelectorAll('.sync-status-view_name') ?? [])].map((name) => name.textContent);
    expect(names).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10']);

    expect(drawn.querySelector('section[data-boot-section="local"]')?.textContent).toContain('None.');
    const remote = drawn.querySelector('section[data-boot-section="remote"]');
    expect(remote?.querySelector<HTMLElement>('[role="list"]')?.parentElement?.style.height).toBe('114px');
    expect([...(remote?.querySelectorAll('.sync-status-view_name') ?? [])].map((name) => name.textContent)).toEqual(['a', 'b']);
  });
});
