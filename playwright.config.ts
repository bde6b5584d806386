import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (Playwright cannot download its own browser here);
// otherwise Playwright's own, if one is installed.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const ci = Boolean(process.env.CI);
// Each run writes its artifacts to its own folder, so runs side by side do not clobber each
// other's traces (workers inherit the variable from the runner).
process.env.E2E_RUN_ID ??= ci ? 'ci' : String(Date.now());

export default defineConfig({
  testDir: 'e2e',
  // The smoke through nginx runs with its own config (npm run test:nginx), never here.
  testIgnore: ['nginx/**'],
  outputDir: `test-results/${process.env.E2E_RUN_ID}`,
  // Ceilings, not durations: every wait ends at its event. On CI's two cores with two workers,
  // a page that reads Keycloak per row can take longer than 8 s to settle.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  reporter: process.env.E2E_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT }]] : [['list']],
  use: {
    viewport: { width: 1366, height: 900 },
    // The app takes its language from the browser's: the specs read English unless they pick one.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
  },
});
