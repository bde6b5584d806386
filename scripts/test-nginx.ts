/**
 * `npm run test:nginx`: serves the build (dist/) through a real nginx with deploy/nginx.conf and
 * runs an e2e smoke through it (e2e/nginx/). The nginx configuration is the deployment file
 * itself with only what a test machine needs changed: a local port for `listen` (no TLS), a
 * copy of dist/ as the root, /api/ and /api-auth/ proxied to a simulator started here, and
 * config.json naming the API by another origin of the same nginx (so the smoke sees that the
 * app read it), which connect-src then allows, as the README tells an operator to do.
 * Needs Debian's nginx (`apt-get install nginx`, which .ci/run does) and a build (npm test makes
 * one). Its report goes to test-results/nginx-e2e.json.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../sim/app-server.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no build: run `npm run build` first (npm test does).');
  process.exit(1);
}
const nginx = process.env.NGINX ?? ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path)) ?? 'nginx';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `text` with `from` replaced, which must be there: the test follows the deployment file. */
function replaceIn(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`deploy/nginx.conf: no ${String(from)} to replace`);
  return next;
}

const sim = await startAppServer({ port: 0, host: '127.0.0.1', distDir: dist, simulator: { seed: 'demo' } });
const port = await freePort();
// The page is opened as localhost; the API is this nginx as 127.0.0.1, another origin.
const appUrl = `http://localhost:${port}`;
const apiUrl = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'test-nginx-'));
// Readable by nginx's workers, which run as another user when nginx is started by root.
chmodSync(dir, 0o755);
for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, 'temp', temp), { recursive: true });
cpSync(dist, join(dir, 'dist'), { recursive: true });
writeFileSync(join(dir, 'dist', 'config.json'), JSON.stringify({ apiUrl }));

let server = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8');
// Directives only (a line's start), never the file's comments.
server = replaceIn(server, /^(\s*)listen 443 ssl;/m, `$1listen 127.0.0.1:${port};`);
server = replaceIn(server, /^\s*ssl_certificate .*\n/m, '');
server = replaceIn(server, /^\s*ssl_certificate_key .*\n/m, '');
server = replaceIn(server, /^(\s*)root [^;]+;/m, `$1root ${join(dir, 'dist')};`);
server = replaceIn(server, /^(\s*)proxy_pass https:\/\/waldur\.example\.com;/gm, `$1proxy_pass ${sim.url};`);
server = replaceIn(server, /^(\s*)proxy_set_header Host waldur\.example\.com;/gm, `$1proxy_set_header Host ${new URL(sim.url).host};`);
server = replaceIn(server, /connect-src 'self'/, `connect-src 'self' ${apiUrl}`);
writeFileSync(join(dir, 'server.conf'), server);
writeFileSync(
  join(dir, 'nginx.conf'),
  `daemon off;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${join(dir, 'temp', 'body')};
  proxy_temp_path ${join(dir, 'temp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'temp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'temp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'temp', 'scgi')};
  include ${join(dir, 'server.conf')};
}
`,
);

const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
child.once('error', (error) => console.error(`could not start ${nginx}: ${error.message}`));

async function ready(): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(`${appUrl}/config.json`);
      return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

let ok = false;
try {
  if (!(await ready())) throw new Error(`nginx (${nginx}) did not start on port ${port}`);
  console.log(`nginx ${appUrl} (API as ${apiUrl}) → simulator ${sim.url}`);
  const report = join(root, 'test-results', 'nginx-e2e.json');
  mkdirSync(join(root, 'test-results'), { recursive: true });
  // Not spawnSync: the simulator answers from this process meanwhile.
  const tests = spawn('npx', ['playwright', 'test', '--config', 'e2e/nginx/playwright.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NGINX_APP_URL: appUrl, NGINX_API_URL: apiUrl, NGINX_SIM_URL: sim.url, E2E_JSON_REPORT: report },
  });
  ok = (await new Promise<number | null>((resolve) => tests.once('exit', resolve))) === 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  child.kill('SIGQUIT');
  await exited;
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\ntest:nginx ${ok ? 'passed' : 'failed'}`);
process.exit(ok ? 0 : 1);
