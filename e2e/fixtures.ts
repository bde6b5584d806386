import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from '../sim/app-server.ts';
import { realKeycloakOptions } from '../sim/src/keycloak/real.ts';

export { expect };

/** The app's entry chunk: tests hold it back to see what index.html and the boot script show alone. */
export const APP_ENTRY = /\/assets\/index-[^/]+\.js$/;

export type Account = 'staff' | 'owner' | 'viewer';

const TOKEN_KEY = 'waldur-kc.token';

/** Talks to the simulator's control API (under /__sim/) of this worker's server. */
export class SimControl {
  constructor(private readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  reset(options: Record<string, unknown> = {}) {
    return this.call('POST', '/__sim/reset', options);
  }

  faults(faults: Record<string, unknown>) {
    return this.call('POST', '/__sim/faults', faults);
  }

  tick() {
    return this.call('POST', '/__sim/tick', {});
  }

  async token(account: Account): Promise<string> {
    const { token } = await this.call<{ token: string }>('POST', '/api-auth/password/', { username: account, password: account });
    return token;
  }

  /** A Waldur API call as `account`, for arranging data and checking side effects. */
  async api<T = unknown>(
    account: Account,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Authorization: `Token ${await this.token(account)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // HTML or plain text stays a string.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

type WorkerFixtures = { app: AppServer };
type TestFixtures = {
  /** Who the page is signed in as; null for a signed-out page. */
  account: Account | null;
  sim: SimControl;
  /** Fails the test on any console error or uncaught page error. */
  consoleGuard: void;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  app: [
    async ({}, use) => {
      // E2E_DIST lets several builds be tested side by side; npm test uses dist/.
      const distDir = process.env.E2E_DIST ?? join(import.meta.dirname, '..', 'dist');
      if (!existsSync(join(distDir, 'index.html'))) {
        throw new Error(`${distDir} has no build: run \`npm run build\` before the e2e tests (npm test does).`);
      }
      // E2E_KEYCLOAK_URL (set by `npm run test:keycloak`): the simulator over a real Keycloak.
      const keycloakUrl = process.env.E2E_KEYCLOAK_URL;
      const keycloak = keycloakUrl ? { keycloak: realKeycloakOptions(keycloakUrl) } : {};
      const server = await startAppServer({ port: 0, distDir, simulator: { seed: 'demo', ...keycloak } });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ app }, use) => use(app.url),

  account: ['staff', { option: true }],

  sim: async ({ app }, use) => {
    const control = new SimControl(app.url);
    await control.reset();
    await use(control);
  },

  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`Uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        // The browser logs every 4xx/5xx answer; those are the server's words, tested on purpose.
        if (/^Failed to load resource/.test(text)) return;
        problems.push(`console.error: ${text}`);
      });
      await use();
      expect(problems, 'console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],

  page: async ({ page, account, sim }, use) => {
    if (account) {
      const token = await sim.token(account);
      await page.addInitScript(
        ([key, value]) => {
          if (window.sessionStorage.getItem('e2e.signed-in')) return;
          window.sessionStorage.setItem('e2e.signed-in', '1');
          window.sessionStorage.setItem(key as string, value as string);
        },
        [TOKEN_KEY, token],
      );
    }
    await use(page);
  },
});

/**
 * The serious and critical axe violations of what the page shows, in light and in dark. The
 * scheme is switched the way Mantine does it, on <html>, and put back afterwards.
 */
export async function seriousViolations(page: Page) {
  const before = await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
  const found: { scheme: string; id: string; help: string; targets: string[] }[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((value) => document.documentElement.setAttribute('data-mantine-color-scheme', value), scheme);
    // Colours read halfway through a transition (a dialog fading in) are not the page's: axe
    // once found the Rancher edit dialog's text too faint while it appeared.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
    );
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of results.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      found.push({
        scheme,
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      });
    }
  }
  await page.evaluate((value) => {
    if (value) document.documentElement.setAttribute('data-mantine-color-scheme', value);
  }, before);
  return found;
}

/** axe scan of what the page shows, in light and in dark: no serious or critical violation. */
export async function expectAccessible(page: Page, label = 'page') {
  expect(await seriousViolations(page), `axe violations on ${label}`).toEqual([]);
}
