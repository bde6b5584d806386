import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

// `npm run test:nginx` (scripts/test-nginx.ts): the smoke through a real nginx it started.
export default defineConfig({
  ...base,
  testDir: '.',
  testIgnore: [],
  outputDir: resolve(import.meta.dirname, '..', '..', base.outputDir ?? 'test-results'),
  workers: 1,
  use: { ...base.use, baseURL: process.env.NGINX_APP_URL },
});
