import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { test, expect } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;

async function setScheme(page: Page, scheme: 'light' | 'dark') {
  await page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
}

// A row action menu open, in both schemes: its red "Delete" item is readable (it was 3.3:1 in
// light and 4.1:1 in dark).
test('the red item of a row action menu meets the contrast minimum in both schemes', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups`);
  await page
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click();
  await expect(page.getByRole('menuitem', { name: /Delete/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await setScheme(page, scheme);
    const results = await new AxeBuilder({ page }).include('[role="menu"]').withRules(['color-contrast']).analyze();
    expect(
      results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' '))),
      `contrast in the menu (${scheme})`,
    ).toEqual([]);
  }
});

// Mantine put a hidden role="presentation" focus placeholder first in every menu, which a menu
// may not hold (axe aria-required-children, critical).
for (const [where, url] of [
  ['groups', `/offerings/${A}/groups`],
  ['members', `/offerings/${A}/members`],
  ['Rancher memberships', '/rancher-memberships'],
] as const) {
  test(`the row action menu of ${where} holds only menu items and separators; the keyboard lands on its first item`, async ({ page }) => {
    await page.goto(url);
    const trigger = page.getByRole('button', { name: /^Actions for / }).first();
    await trigger.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('[role="menu"]')
      .withRules(['aria-required-children', 'aria-required-parent'])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`)).toEqual([]);
    await expect(menu.getByRole('menuitem').and(page.locator(':enabled')).first()).toBeFocused();
  });
}

// Links in table cells were shade 4 in dark: 3.8:1 on a hovered row.
test('a group link on a hovered row is readable in dark', async ({ page }) => {
  await page.goto(`/offerings/${A}/groups`);
  const table = page.getByRole('table').first();
  const link = table.getByRole('button', { name: DEMO.groups.a.unlinkedSql.name, exact: true });
  await setScheme(page, 'dark');
  await link.hover();
  const results = await new AxeBuilder({ page }).include('table').withRules(['color-contrast']).analyze();
  expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.failureSummary))).toEqual([]);
});
