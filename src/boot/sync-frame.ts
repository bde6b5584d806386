import type { SyncStatus } from '../api/types';
import { firstLines, prepareNameOrder, type SyncLine } from '../features/sync-status/join';
import { LINE_OVERSCAN, lineHeight, SECTION_HEIGHT } from '../features/sync-status/line-layout';
import { rowStarts, totalSize, visibleRange } from '../lib/virtual-range';
import { escape } from './frame';

/**
 * The Sync status tab as the app draws it first, drawn by the boot script from its early
 * answers before the app's code has run (boot.ts): the sync status alone, its lines still being
 * looked up in the group lists, which the app fetches. The page around the lines is index.html's
 * `<template id="boot-sync">`, a copy of the app's own first render made by `npm run boot-frame`
 * (and `<template id="boot-sync-none">` for a section without lines); the lines are written here
 * as LineRow (sync-status-view.tsx) writes them, at the places its virtualised list gives them.
 * e2e/boot-frame.spec.ts holds both to what the app then renders, element by element.
 */

const NONE = new Map<string, string>();

/** Sets up the collator (about 10 ms), ahead of drawing. */
export function prepare(): void {
  prepareNameOrder();
}

const button = (label: string, text: string, red = false) =>
  `<button type="button" aria-label="${escape(label)}" class="sync-status-view_button${red ? ' sync-status-view_red' : ''}" disabled=""><span>${text}</span></button>`;

const detail = (text: string, html = escape(text)) => `<p class="sync-status-view_detail" title="${escape(text)}">${html}</p>`;

/** One line, as LineRow renders it before the group lists have been fetched. */
export function lineHtml(line: SyncLine, position: { index: number; start: number; size: number }, total: number): string {
  const name = line.kind === 'synced' ? line.localName : line.name;
  const display = escape(name || '(no name)');
  let details: string;
  let actions: string;
  if (line.kind === 'synced') {
    const renamed = line.remoteName !== line.localName;
    const keycloak = `Keycloak: ${renamed ? `“${line.remoteName}” · ` : ''}id ${line.backendId}`;
    details =
      detail(
        keycloak,
        `Keycloak: ${renamed ? `“<bdi>${escape(line.remoteName)}</bdi>” · ` : ''}id <code class="sync-status-view_code">${escape(line.backendId)}</code>`,
      ) + detail('Looking up the local group…');
    actions = button(`Pull members of ${name || '(no name)'}`, 'Pull members');
  } else if (line.kind === 'local') {
    details = detail('Looking up the local group…');
    actions =
      button(`Link to remote group: ${name || '(no name)'}`, 'Link to remote group') +
      button(`Delete ${name || '(no name)'}`, 'Delete', true);
  } else {
    details = detail('Looking up the Keycloak group…');
    actions = button(`Import ${name || '(no name)'}`, 'Import');
  }
  return (
    `<div role="listitem" aria-setsize="${total}" aria-posinset="${position.index + 1}" class="sync-status-view_row" style="height: ${position.size}px; transform: translateY(${position.start}px);">` +
    `<input class="sync-status-view_check" aria-label="Select ${display}" type="checkbox">` +
    `<div class="sync-status-view_body"><p class="sync-status-view_name${name ? '' : ' sync-status-view_unnamed'}" title="${escape(name)}"><bdi>${display}</bdi></p>${details}</div>` +
    `<div class="sync-status-view_actions">${actions}</div></div>`
  );
}

type Kind = SyncLine['kind'];
const KINDS: readonly Kind[] = ['synced', 'local', 'remote'];

const totalOf = (status: SyncStatus, kind: Kind) =>
  (kind === 'synced' ? status.synced : kind === 'local' ? status.local_only : status.remote_only).length;

/** Every line of a section is this tall until the group lists are in (no candidates yet). */
const HEIGHT: Record<Kind, number> = {
  synced: lineHeight({ kind: 'synced', id: '', localName: '', remoteName: '', backendId: '', candidates: [], remote: null }, NONE),
  local: lineHeight({ kind: 'local', id: '', name: '', candidates: [] }, NONE),
  remote: lineHeight({ kind: 'remote', id: '', name: '', candidates: [] }, NONE),
};

/** Where a section's lines start, and the ones its list draws first (as the app's list does). */
function layout(kind: Kind, total: number) {
  const starts = rowStarts(total, () => HEIGHT[kind]);
  return { starts, range: visibleRange(starts, 0, SECTION_HEIGHT, LINE_OVERSCAN) };
}

/**
 * The page (a copy of the template, the offering filled in: frame.ts) with the time of the check
 * ("Last checked at …", formatted by the caller) and each section's heading and size filled in,
 * its list still empty (`drawLines` fills it), a section without lines taken from `none`; null
 * when a part is missing.
 */
export function drawSyncPage(
  page: DocumentFragment,
  none: HTMLTemplateElement,
  status: SyncStatus,
  checked: string,
): DocumentFragment | null {
  const slot = page.querySelector('[data-boot-slot="checked"]');
  if (slot) slot.textContent = checked;
  for (const kind of KINDS) {
    const section = page.querySelector(`section[data-boot-section="${kind}"]`);
    const total = totalOf(status, kind);
    if (!section) return null;
    if (total === 0) {
      const empty = none.content.querySelector(`section[data-boot-section="${kind}"]`);
      if (!empty) return null;
      section.replaceWith(empty.cloneNode(true));
      continue;
    }
    for (const element of section.querySelectorAll('h2, label')) {
      element.textContent = element.textContent?.replace('{count}', total.toLocaleString()) ?? '';
    }
    const list = section.querySelector<HTMLElement>('[role="list"]');
    const scroller = list?.parentElement;
    if (!list || !scroller) return null;
    const size = totalSize(layout(kind, total).starts);
    scroller.style.height = `${Math.min(SECTION_HEIGHT, size)}px`;
    list.style.height = `${size}px`;
  }
  return page;
}

/** The sections that have lines, from the top of the page. */
export const sectionsWithLines = (status: SyncStatus): Kind[] => KINDS.filter((kind) => totalOf(status, kind) > 0);

/** Writes the first lines of the sections `kinds` of a page drawSyncPage made, where it is now. */
export function drawLines(page: ParentNode, status: SyncStatus, kinds: readonly Kind[]): void {
  for (const kind of kinds) {
    const list = page.querySelector(`section[data-boot-section="${kind}"] [role="list"]`);
    const total = totalOf(status, kind);
    if (!list || total === 0) continue;
    const { starts, range } = layout(kind, total);
    if (!range) continue;
    const { lines } = firstLines(status, kind, range.last + 1);
    const rows: string[] = [];
    for (let index = range.first; index <= range.last; index += 1) {
      const line = lines[index];
      if (line) rows.push(lineHtml(line, { index, start: starts[index] ?? 0, size: HEIGHT[kind] }, total));
    }
    list.innerHTML = rows.join('');
  }
}
