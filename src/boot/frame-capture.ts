/**
 * Turns the app's first render of an offering's groups tab, in a browser, into index.html's
 * `<template id="boot-groups">` (see groups-frame.ts): the page without its rows, the offering's
 * name and organization left as slots, and nothing that is the user's, the offering's or React's
 * own (ids, links to the offering). Run by `npm run boot-frame` to write the template, and by
 * e2e/boot-frame.spec.ts to check it is still what the app renders. Passed to page.evaluate,
 * so it imports nothing.
 */
export function captureGroupsFrame(offering: { uuid: string; name: string; customer_name: string }): string {
  const source = document.getElementById('root');
  if (!source) throw new Error('no #root');
  const root = source.cloneNode(true) as HTMLElement;
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
  const slot = (text: string, name: string) => {
    let count = 0;
    for (const element of root.querySelectorAll('main *')) {
      if (element.children.length === 0 && element.textContent?.trim() === text) {
        element.setAttribute('data-boot-slot', name);
        element.textContent = '';
        count += 1;
      }
    }
    if (count === 0) throw new Error(`the page does not show “${text}”`);
  };
  slot(offering.name, 'name');
  slot(offering.customer_name, 'customer');
  const table = root.querySelector('main table');
  const body = table?.querySelector('tbody');
  if (!table || !body) throw new Error('no groups table');
  body.replaceChildren();
  // What follows the table (its pagination) comes with the app.
  const scroll = table.parentElement;
  while (scroll?.nextSibling) scroll.nextSibling.remove();
  return root.innerHTML;
}
