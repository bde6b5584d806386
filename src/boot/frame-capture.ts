/**
 * Turns the app's first render of an offering's tab, in a browser, into one of index.html's
 * templates, which the boot script fills in (groups-frame.ts, sync-frame.ts):
 *
 * - `groups`: the groups tab without its rows (`<template id="boot-groups">`);
 * - `sync`: the Sync status tab with its lines still being looked up, without the lines, each
 *   section's count left as `{count}` (`<template id="boot-sync">`);
 * - `sync-none`: the three sections of a Sync status without lines, each saying "None."
 *   (`<template id="boot-sync-none">`), for the sections a sync status leaves empty.
 *
 * The offering's name and organization are left as slots, and nothing that is the user's, the
 * offering's or React's own is kept (ids, links to the offering). Run by `npm run boot-frame` to
 * write the templates, and by e2e/boot-frame.spec.ts to check they are still what the app
 * renders. Passed to page.evaluate, so it imports nothing and calls nothing outside itself.
 */
export function captureFrame(
  offering: { uuid: string; name: string; customer_name: string },
  tab: 'groups' | 'sync' | 'sync-none',
): string {
  const source = document.getElementById('root');
  if (!source) throw new Error('no #root');
  const root = source.cloneNode(true) as HTMLElement;
  // The sections of the Sync status, known by the ids of their headings, which are dropped next.
  for (const section of root.querySelectorAll('section[aria-labelledby^="sync-section-"]')) {
    section.setAttribute('data-boot-section', section.getAttribute('aria-labelledby')?.replace('sync-section-', '') ?? '');
  }
  const dropped = ['id', 'for', 'name', 'data-discover', 'aria-controls', 'aria-labelledby', 'aria-describedby'];
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of dropped) element.removeAttribute(attribute);
    if (element.getAttribute('href')?.includes(offering.uuid)) element.removeAttribute('href');
  }
  const user = root.querySelector('[data-testid="current-user"]');
  if (user) user.textContent = '';
  // The colour scheme toggle shows the scheme it switches to: the boot script fills it in.
  const toggle = root.querySelector('button[aria-label="Toggle color scheme"] [aria-hidden="true"]');
  if (!toggle) throw new Error('no colour scheme toggle');
  toggle.setAttribute('data-boot-slot', 'scheme');
  toggle.textContent = '';
  const leaves = (test: (text: string) => boolean) =>
    [...root.querySelectorAll('main *')].filter((element) => element.children.length === 0 && test(element.textContent?.trim() ?? ''));
  const slot = (text: string, name: string) => {
    const found = leaves((content) => content === text);
    if (found.length === 0) throw new Error(`the page does not show “${text}”`);
    for (const element of found) {
      element.setAttribute('data-boot-slot', name);
      element.textContent = '';
    }
  };
  slot(offering.name, 'name');
  slot(offering.customer_name, 'customer');

  if (tab === 'groups') {
    const table = root.querySelector('main table');
    const body = table?.querySelector('tbody');
    if (!table || !body) throw new Error('no groups table');
    body.replaceChildren();
    // What follows the table (its pagination) comes with the app.
    const scroll = table.parentElement;
    while (scroll?.nextSibling) scroll.nextSibling.remove();
    return root.innerHTML;
  }

  const sections = [...root.querySelectorAll('section[data-boot-section]')];
  if (sections.map((section) => section.getAttribute('data-boot-section')).join() !== 'synced,local,remote') {
    throw new Error('no three sections of the Sync status');
  }
  if (tab === 'sync-none') return sections.map((section) => section.outerHTML).join('');

  // The time of the check, and each section's count, are filled in by the boot script.
  const checked = leaves((content) => content.startsWith('Last checked at '));
  if (checked.length !== 1) throw new Error('no “Last checked at”');
  checked[0]?.setAttribute('data-boot-slot', 'checked');
  if (checked[0]) checked[0].textContent = '';
  for (const section of sections) {
    const list = section.querySelector('[role="list"]');
    if (!list?.parentElement) throw new Error('a section without its list');
    list.replaceChildren();
    list.removeAttribute('style');
    list.parentElement.removeAttribute('style');
    for (const element of section.querySelectorAll('h2, label')) {
      element.textContent =
        element.textContent?.replace(/[\d,. \u00a0\u202f]+(?=\)$)|(?<=^Select all )[\d,. \u00a0\u202f]+$/, '{count}') ?? '';
      if (!element.textContent.includes('{count}')) throw new Error(`no count in “${element.textContent}”`);
    }
  }
  // What follows the tab's sections (the members check) comes with the app.
  const tabContent = sections[2]?.parentElement?.parentElement;
  while (tabContent?.nextSibling) tabContent.nextSibling.remove();
  return root.innerHTML;
}
