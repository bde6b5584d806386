import type { Page } from '@playwright/test';
import { DEMO } from '../../sim/src/seed/demo.ts';

const A = DEMO.offerings.healthyA.uuid;

/** Every page of the app on Waldur 8.0.5 (demo seed), one URL each, the group detail included. */
export const PAGES_80 = [
  '/offerings',
  '/server',
  '/rancher-memberships',
  `/offerings/${A}/groups`,
  `/offerings/${A}/groups?group=${DEMO.groups.a.viewer.uuid}`,
  `/offerings/${A}/sync`,
  `/offerings/${A}/members`,
  `/offerings/${A}/remote-users`,
  `/offerings/${A}/settings`,
  `/offerings/${A}/import`,
];

/** How far the page scrolls sideways: 0 when it fits its window. */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
