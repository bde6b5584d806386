import { formatDateTime } from '../lib/format';
import { escape, pageFrom, type BootOffering } from './frame';

/**
 * The groups tab as the app draws it first, drawn by the boot script from its early answers
 * before the app's code has run (boot.ts): the page around the table is index.html's
 * `<template id="boot-groups">`, a copy of the app's own first render made by
 * `npm run boot-frame`; the rows are written here as GroupRow (groups-tab.tsx) writes them, with
 * the Keycloak presence not known yet. e2e/boot-frame.spec.ts holds both to what the app then
 * renders, element by element, so the swap to the app changes nothing on screen.
 */

/** The fields of a Waldur offering group the row shows. */
export type BootGroup = {
  name?: string;
  role_name?: string;
  role_scope_type?: string | null;
  resource_name?: string | null;
  scope_id?: string | null;
  backend_id?: string | null;
  created?: string;
};

const badge = (color: string, text: string, extra = '') =>
  `<span class="plain-badge_badge${extra}" style="--badge-bg: var(--mantine-color-${color}-light); --badge-color: var(--mantine-color-${color}-light-color);"><span class="plain-badge_label">${text}</span></span>`;

/** One row of the groups table, as GroupRow renders it before Keycloak's answer. */
export function groupRowHtml(group: BootGroup): string {
  const name = escape(group.name ?? '');
  const label = `Actions for ${group.name ? name : '(no name)'}`;
  const backend = escape(group.backend_id ?? '');
  return (
    `<tr><td style="max-width: 320px"><button type="button" class="group-row_name" title="${name}">${name || '(no name)'}</button></td>` +
    `<td><p class="group-row_longText">${escape(group.role_name ?? '')}</p><p class="group-row_hint">${group.role_scope_type ? `Scope: ${escape(group.role_scope_type)}` : 'Offering-wide'}</p></td>` +
    `<td style="max-width: 240px"><p class="group-row_longText">${escape(group.resource_name || '—')}</p></td>` +
    `<td style="max-width: 180px">${group.scope_id ? `<code class="group-row_scopeId">${escape(group.scope_id)}</code>` : '—'}</td>` +
    `<td style="max-width: 260px">${
      backend
        ? `<div class="group-row_link">${badge('teal', 'Linked', ' group-row_linkBadge')}<code class="group-row_remoteId" tabindex="0">${backend}</code></div>`
        : badge('gray', 'Not linked')
    }</td>` +
    `<td style="white-space: nowrap"><p class="group-row_text">${escape(formatDateTime(group.created))}</p></td>` +
    `<td style="width: 48px"><button type="button" class="group-row_trigger" aria-label="${label}" title="${label}" aria-busy="false" aria-haspopup="menu" aria-expanded="false"><span aria-hidden="true">⋯</span></button></td></tr>`
  );
}

/**
 * The page from the template, with the offering's name and organization and the rows filled in;
 * null when the template is missing or there is no row to show (the app says why).
 */
export function drawGroupsPage(template: HTMLTemplateElement | null, offering: BootOffering, groups: BootGroup[]): DocumentFragment | null {
  const page = groups.length === 0 ? null : pageFrom(template, offering);
  const body = page?.querySelector('tbody');
  if (!page || !body) return null;
  body.innerHTML = groups.map(groupRowHtml).join('');
  return page;
}
