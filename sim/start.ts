/**
 * `npm start`: builds the app when dist/ is missing or older than the sources, then serves it
 * with the simulator (or, with WALDUR_API_URL, against that Waldur) on one origin.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { startAppServer } from './app-server.ts';
import { realKeycloakOptions } from './src/keycloak/real.ts';
import { interactiveSeed } from './src/seed/seeds.ts';

const root = join(import.meta.dirname, '..');

async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newest(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function buildIfNeeded(): Promise<void> {
  const built = await newest(join(root, 'dist', 'index.html'));
  const sources = Math.max(
    ...(await Promise.all(['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(root, p))))),
  );
  if (built > sources) return;
  console.log('Building the app…');
  await build({ root, logLevel: 'warn' });
}

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

await buildIfNeeded();
const waldurApiUrl = process.env.WALDUR_API_URL || undefined;
const keycloakUrl = arg('--keycloak') ?? process.env.SIM_KEYCLOAK_URL;
const seed = interactiveSeed(arg('--seed') ?? process.env.SIM_SEED);
const waldur = (arg('--waldur') ?? process.env.SIM_WALDUR) === '8.1' ? '8.1' : '8.0';
/** 8.1 mode: the simulated site agent runs on its own this often (ms), as a real one polls. */
const AGENT_INTERVAL_MS = Number(process.env.SIM_AGENT_INTERVAL_MS ?? 5000);
const server = await startAppServer({
  port: Number(arg('--port') ?? process.env.PORT ?? 5173),
  host: process.env.HOST,
  waldurApiUrl,
  simulator: {
    waldur,
    seed,
    withoutOfferingKeycloak: process.argv.includes('--without-offering-keycloak'),
    ...(keycloakUrl ? { keycloak: realKeycloakOptions(keycloakUrl) } : {}),
  },
});

console.log(`\nWaldur Keycloak groups admin: ${server.url}`);
if (waldurApiUrl) {
  console.log(`API: proxied to ${waldurApiUrl}`);
} else {
  console.log(
    `API: built-in simulator (Waldur ${waldur === '8.1' ? '8.1.3' : '8.0.5'}, seed "${seed}"), Keycloak ${keycloakUrl ? `real at ${keycloakUrl}` : 'in memory'}`,
  );
  console.log('Demo accounts (username / password):');
  console.log('  staff  / staff   staff: sees every offering');
  console.log('  owner  / owner   owner of one service provider organization');
  console.log('  viewer / viewer  no management rights');
  if (waldur === '8.1') {
    console.log('  consumer / consumer  owner of Northwind University (a consumer: grants on its resources)');
    console.log('  pi / pi          project admin of Genomics Lab (reads its teams and sync states)');
  }
}
if (server.sim && waldur === '8.1' && AGENT_INTERVAL_MS > 0) {
  const sim = server.sim;
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    sim
      .tick()
      .catch((err: unknown) => console.error('[sim] agent tick failed', err))
      .finally(() => (running = false));
  }, AGENT_INTERVAL_MS).unref();
  console.log(`Waldur 8.1.3: the site agent syncs every ${AGENT_INTERVAL_MS / 1000} s (SIM_AGENT_INTERVAL_MS to change).`);
}
console.log('Press Ctrl+C to stop.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
