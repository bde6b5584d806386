// Temporary (not committed): screenshots of the Groups and Sync status tabs, light and dark.
import { chromium } from '@playwright/test';
import { startAppServer } from '../sim/app-server.ts';
import { DEMO } from '../sim/src/seed/demo.ts';

const [distDir, prefix] = process.argv.slice(2);
const server = await startAppServer({ port: 0, distDir, simulator: { seed: 'demo' } });
const tokenRes = await fetch(server.url + '/api-auth/password/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'staff' }) });
const { token } = (await tokenRes.json()) as { token: string };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const A = DEMO.offerings.healthyA.uuid;
for (const scheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.addInitScript((t) => sessionStorage.setItem('waldur-kc.token', t), token);
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
  for (const tab of ['groups', 'sync'] as const) {
    await page.goto(`${server.url}/offerings/${A}/${tab}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/i28/${prefix}-${tab}-${scheme}.png` });
  }
  await context.close();
}
await browser.close();
await server.close();
