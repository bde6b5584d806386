/**
 * `npm run keycloak`: a real Keycloak server for the simulator's real mode and `npm run
 * test:keycloak`. The server distribution (`org.keycloak:keycloak-quarkus-dist`, pinned below)
 * comes from Maven Central through Maven into `.keycloak/` (git-ignored), so the second start
 * downloads nothing. Dev mode on 127.0.0.1:${KEYCLOAK_PORT:-8180}, bootstrap admin from
 * KEYCLOAK_ADMIN / KEYCLOAK_ADMIN_PASSWORD (default admin/admin).
 *
 * Keycloak 26.x supports OpenJDK 17, 21 and 25 and recommends the newest; we run it on
 * Temurin 25 when present (KEYCLOAK_JAVA_HOME, then JAVA_HOME, override that).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const KEYCLOAK_VERSION = '26.7.3';
const root = join(import.meta.dirname, '..');
export const KEYCLOAK_CACHE = join(root, '.keycloak');
const home = join(KEYCLOAK_CACHE, `keycloak-${KEYCLOAK_VERSION}`);
const JDK_CANDIDATES = ['/usr/lib/jvm/temurin-25-jdk-amd64', '/usr/lib/jvm/java-21-openjdk-amd64', '/usr/lib/jvm/java-17-openjdk-amd64'];

function javaHome(): string | undefined {
  const fromEnv = process.env.KEYCLOAK_JAVA_HOME;
  if (fromEnv) return fromEnv;
  const found = JDK_CANDIDATES.find((dir) => existsSync(join(dir, 'bin', 'java')));
  return found ?? process.env.JAVA_HOME;
}

function run(cmd: string, args: string[], cwd: string): void {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${String(result.status)})`);
}

/** Fetches and unpacks the distribution once; later calls find it in the cache. */
export function ensureKeycloak(): string {
  if (existsSync(join(home, 'bin', 'kc.sh'))) return home;
  mkdirSync(KEYCLOAK_CACHE, { recursive: true });
  const zip = join(KEYCLOAK_CACHE, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`);
  if (!existsSync(zip)) {
    console.log(`Fetching org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION} through Maven…`);
    run(
      'mvn',
      [
        '-B',
        '-q',
        'dependency:copy',
        `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`,
        `-DoutputDirectory=${KEYCLOAK_CACHE}`,
      ],
      KEYCLOAK_CACHE,
    );
  }
  rmSync(home, { recursive: true, force: true });
  run('unzip', ['-q', zip], KEYCLOAK_CACHE);
  rmSync(zip);
  if (!existsSync(join(home, 'bin', 'kc.sh'))) {
    throw new Error(`unexpected archive layout in ${KEYCLOAK_CACHE}: ${readdirSync(KEYCLOAK_CACHE).join(', ')}`);
  }
  return home;
}

export interface KeycloakOptions {
  port?: number;
  admin?: string;
  password?: string;
  /** Keep realms in memory only (a fresh server every start); default: dev-file database. */
  inMemory?: boolean;
  /** Print the server's log (default true). */
  log?: boolean;
}

export interface RunningKeycloak {
  url: string;
  admin: string;
  password: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Keycloak exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/realms/master/.well-known/openid-configuration`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Keycloak was not ready on ${url} within ${timeoutMs / 1000} s`);
}

export async function startKeycloak(options: KeycloakOptions = {}): Promise<RunningKeycloak> {
  const dir = ensureKeycloak();
  const port = options.port ?? Number(process.env.KEYCLOAK_PORT ?? 8180);
  const admin = options.admin ?? process.env.KEYCLOAK_ADMIN ?? 'admin';
  const password = options.password ?? process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin';
  const url = `http://127.0.0.1:${port}`;
  const jdk = javaHome();
  const args = [join(dir, 'bin', 'kc.sh'), 'start-dev', '--http-host=127.0.0.1', `--http-port=${port}`, '--http-management-port=0'];
  if (options.inMemory) args.push('--db=dev-mem');
  const child = spawn('bash', args, {
    cwd: dir,
    detached: true,
    stdio: options.log === false ? 'ignore' : 'inherit',
    env: {
      ...process.env,
      ...(jdk ? { JAVA_HOME: jdk, PATH: `${join(jdk, 'bin')}:${process.env.PATH ?? ''}` } : {}),
      KC_BOOTSTRAP_ADMIN_USERNAME: admin,
      KC_BOOTSTRAP_ADMIN_PASSWORD: password,
      // Two cores and other work on the machine: a bounded heap, few threads.
      JAVA_OPTS_KC_HEAP: process.env.JAVA_OPTS_KC_HEAP ?? '-Xms64m -Xmx768m -XX:MaxMetaspaceSize=256m -XX:ActiveProcessorCount=2',
    },
  });
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return resolve();
      }
      setTimeout(() => {
        try {
          if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000).unref();
    });
    return stopped;
  };
  try {
    await waitReady(url, child, 600_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, admin, password, process: child, stop };
}

if (import.meta.filename === process.argv[1]) {
  const started = Date.now();
  const kc = await startKeycloak({ inMemory: process.argv.includes('--in-memory') });
  console.log(
    `\nKeycloak ${KEYCLOAK_VERSION} ready on ${kc.url} in ${Math.round((Date.now() - started) / 1000)} s ` +
      `(admin console ${kc.url}/admin/, bootstrap admin ${kc.admin} / ${kc.password}). Ctrl+C stops it.`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void kc.stop().then(() => process.exit(0)));
  }
  kc.process.on('exit', (code) => process.exit(code ?? 1));
}
