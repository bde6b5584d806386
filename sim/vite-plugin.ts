/**
 * `npm run dev`: Vite's dev server with the simulator mounted on the same origin, or, with
 * WALDUR_API_URL set, a proxy to that Waldur.
 */
import type { Plugin } from 'vite';

export function simDevPlugin(): Plugin {
  const target = process.env.WALDUR_API_URL;
  return {
    name: 'waldur-simulator',
    apply: 'serve',
    config() {
      if (!target) return {};
      const proxy = { target, changeOrigin: true, secure: true };
      return { server: { proxy: { '/api/': proxy, '/api-auth/': proxy } } };
    },
    async configureServer(server) {
      if (target || process.env.VITEST) return;
      // Loaded at run time through tsx, so that building or testing the app never bundles the simulator.
      const { tsImport } = await import('tsx/esm/api');
      const { createSimulator } = (await tsImport('./src/simulator.ts', import.meta.url)) as typeof import('./src/simulator.ts');
      const { toNodeMiddleware } = (await tsImport('./src/node.ts', import.meta.url)) as typeof import('./src/node.ts');
      const { interactiveSeed } = (await tsImport('./src/seed/seeds.ts', import.meta.url)) as typeof import('./src/seed/seeds.ts');
      const seed = interactiveSeed(process.env.SIM_SEED);
      server.middlewares.use(toNodeMiddleware(createSimulator({ seed })));
    },
  };
}
