import type { Locator } from '@playwright/test';
import { DEMO } from '../sim/src/seed/demo.ts';
import { expect, test } from './fixtures';

const A = DEMO.offerings.healthyA.uuid;
const G = DEMO.groups.a;

/** Whether a click at the element's centre reaches it, not something drawn over it. */
function isOnTop(locator: Locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return element.contains(hit);
  });
}

// Notifications stood at the top right (on a phone, across the top): over the header's buttons
// and the close button of a dialog.
for (const viewport of [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
]) {
  test(`a notification covers neither the header’s buttons nor a dialog’s close button (${viewport.width} px)`, async ({ page, sim }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/offerings/${A}/groups`);
    await sim.faults({ keycloakDown: [A] });
    await page.getByRole('button', { name: `Actions for ${G.prodAdmin.name}`, exact: true }).click();
    await page.getByRole('menuitem', { name: /^Pull members/ }).click();
    // Failures stay until dismissed.
    const notification = page.getByRole('alert').filter({ hasText: 'Could not pull members' });
    await expect(notification).toBeVisible();

    for (const name of ['Toggle color scheme', 'Sign out']) {
      expect(await isOnTop(page.getByRole('banner').getByRole('button', { name })), `${name} reachable`).toBe(true);
    }
    await page.getByRole('button', { name: `Actions for ${G.devAdmin.name}`, exact: true }).click();
    await page.getByRole('menuitem', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog');
    const close = dialog.getByRole('button', { name: 'Close', exact: true });
    await expect(close).toBeVisible();
    await expect(notification).toBeVisible();
    expect(await isOnTop(close), 'the dialog’s close button reachable').toBe(true);
    expect(await isOnTop(dialog.getByRole('button', { name: 'Cancel' })), 'the dialog’s own buttons reachable').toBe(true);
    await close.click();
    await expect(dialog).toBeHidden();
  });
}
