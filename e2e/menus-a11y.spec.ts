import AxeBuilder from '@axe-core/playwright';
import { DEMO } from '../sim/src/seed/demo.ts';
import { test, expect } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;

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
    await page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
    const results = await new AxeBuilder({ page }).include('[role="menu"]').withRules(['color-contrast']).analyze();
    expect(
      results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' '))),
      `contrast in the menu (${scheme})`,
    ).toEqual([]);
  }
});
