import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { simDevPlugin } from './sim/vite-plugin.ts';

// One config for the app build, the dev server (with the simulator or a proxy to a real
// Waldur mounted on the same origin) and the unit/component tests.
export default defineConfig({
  plugins: [react(), simDevPlugin()],
  build: { sourcemap: true, chunkSizeWarningLimit: 600 },
  test: {
    reporters: process.env.UNIT_JSON_REPORT ? ['default', ['json', { outputFile: process.env.UNIT_JSON_REPORT }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['sim/**/*.test.ts', 'src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
