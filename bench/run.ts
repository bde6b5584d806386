/**
 * `npm run bench`: builds the app into bench/.tmp/dist, serves it with the simulator on the
 * `large` seed (and the floor page under /bench/), drives headless Chromium and writes
 * bench/results.json and bench/RESULTS.md.
 *
 *   npm run bench                    full run (>= 5 runs a figure), writes bench/RESULTS.md
 *   npm run bench -- --smoke         one run on a small seed (CI); writes bench/.tmp/ only
 *   npm run bench -- --only cold,sync --runs 3 --no-build
 *   npm run bench -- --render        RESULTS.md again from results.json (no measuring)
 *
 * A missed target is reported, never a failure. The process fails only when the harness
 * itself breaks (a crash, or a figure that could not be measured because of an error).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { AppServer, AppServerOptions } from '../sim/app-server.ts';
import { LARGE } from '../sim/src/seed/large.ts';
import { buildApp, type BuildReport } from './build.ts';
import { SourceMaps } from './profile.ts';
import { sourcemapDir } from '../vite.config.ts';
import { renderMarkdown, renderConsole } from './report.ts';
import type { Bench, Figure, LargeSizes } from './types.ts';
import { bundleFigures } from './figures/bundle.ts';
import { coldLoadFigures } from './figures/cold-load.ts';
import { warmTabsFigures } from './figures/warm-tabs.ts';
import { simLatencyFigures } from './figures/sim-latency.ts';
import { syncStatusFigures } from './figures/sync-status.ts';
import { remoteSearchFigures } from './figures/remote-search.ts';
import { membersExportFigures } from './figures/members-export.ts';
import { importWizardFigures } from './figures/import-wizard.ts';
import { syncColdFigures } from './figures/sync-cold.ts';
import { membersCheckFigures } from './figures/members-check.ts';
import { accessTabFigures } from './figures/access-tab.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

const smoke = flag('--smoke');
const runs = Number(option('--runs') ?? (smoke ? 1 : 5));
const only = option('--only')?.split(',');
const outDir = join(root, 'bench', '.tmp', 'dist');

/**
 * Seed sizes. `remoteGroups` is chosen so that, after the sync figure deletes the remote groups
 * of part of the linked local groups, sync_status holds the same number of lines (10,000 in the
 * full run) in each of its three sections: see figures/sync-status.ts.
 */
function seedSizes(scale: number): LargeSizes {
  const localGroups = Math.round(20_000 * scale);
  const linked = localGroups - 2 * Math.ceil(localGroups / 50);
  const remoteOnly = Math.round(12_500 * scale); // four in five are direct children: 10,000 x scale
  return {
    localGroups,
    remoteGroups: 2 + linked + remoteOnly,
    memberships: Math.round(100_000 * scale),
    remoteUsers: Math.round(50_000 * scale),
    resources: 50,
  };
}

const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

type Section = { id: string; run: (bench: Bench) => Promise<Figure[]> };
const SECTIONS: Section[] = [
  { id: 'bundle', run: bundleFigures },
  { id: 'cold', run: coldLoadFigures },
  { id: 'warm', run: warmTabsFigures },
  { id: 'sim', run: simLatencyFigures },
  { id: 'search', run: remoteSearchFigures },
  { id: 'export', run: membersExportFigures },
  { id: 'import', run: importWizardFigures },
  // Seeds a smaller offering of its own and resets to the benchmark seed afterwards.
  { id: 'members-check', run: membersCheckFigures },
  // Switches the simulator to Waldur 8.1 (its own seed) and back to the benchmark seed afterwards.
  { id: 'access', run: accessTabFigures },
  // Last: it deletes remote groups to make the drift.
  { id: 'sync', run: syncStatusFigures },
  { id: 'sync-cold', run: syncColdFigures },
];

/** The app server in a child process (bench/serve.ts), so that its work never delays the driver's. */
async function serveApart(options: AppServerOptions): Promise<AppServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'serve.ts'), JSON.stringify(options)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.stdout.on('end', () => reject(new Error(`the app server did not start: ${out}`)));
  });
  child.stdout.resume();
  return {
    url,
    port: Number(new URL(url).port),
    sim: null,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function machine(browserVersion: string) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpus: cpus().length,
    cpuModel: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium: browserVersion,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

async function main(): Promise<number> {
  log(`${smoke ? 'Smoke' : 'Full'} run, ${runs} run(s) a figure${only ? `, only ${only.join(', ')}` : ''}`);
  let build: BuildReport;
  if (flag('--no-build') && existsSync(join(outDir, 'index.html'))) {
    log('Reusing bench/.tmp/dist (--no-build); the bundle section needs a build and is skipped');
    build = { outDir, seconds: 0, chunks: [], files: [] };
  } else {
    log('Building the app into bench/.tmp/dist');
    build = await buildApp(root, outDir);
    log(`Built in ${build.seconds.toFixed(1)} s`);
  }

  const sizes = seedSizes(smoke ? 0.1 : 1);
  log(`Starting the app server with the large seed ${JSON.stringify(sizes)}`);
  const seedStarted = performance.now();
  const server = await serveApart({
    distDir: outDir,
    simulator: { seed: 'large', large: sizes, logErrors: true },
    extraStatic: { prefix: '/bench/', dir: join(root, 'bench') },
  });
  log(`Server at ${server.url} (seed built in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);

  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const info = await machine(browser.version());
  const probe = await readFile(join(root, 'bench', 'probe.js'), 'utf8');

  let token: string | null = null;
  const signIn = async (): Promise<string> => {
    const response = await fetch(`${server.url}/api-auth/password/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password: 'staff' }),
    });
    if (!response.ok) throw new Error(`Sign-in failed: HTTP ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}/__sim/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`/__sim/${path}: HTTP ${response.status} ${await response.text()}`);
  };

  const bench: Bench = {
    root,
    smoke,
    runs,
    server,
    browser,
    build,
    maps: new SourceMaps(sourcemapDir(outDir), root),
    sizes,
    offeringUuid: LARGE.offering.uuid,
    token: async () => (token ??= await signIn()),
    resetSim: async () => {
      await control('reset', { seed: 'large', large: sizes });
      token = null;
    },
    setFaults: (faults) => control('faults', faults),
    newPage: async (options = {}) => {
      const context = options.context ?? (await browser.newContext({ viewport: { width: 1366, height: 900 } }));
      const config = { token: await bench.token(), watch: options.watch ?? {} };
      const page = await context.newPage();
      await page.addInitScript({ content: `window.__benchConfig = ${JSON.stringify(config)};` });
      await page.addInitScript({ content: probe });
      return {
        context,
        page,
        close: async () => {
          await page.close();
          if (!options.context) await context.close();
        },
      };
    },
    log,
  };

  const figures: Figure[] = [];
  let crashed = false;
  try {
    for (const section of SECTIONS) {
      if (only && !only.includes(section.id)) continue;
      if (section.id === 'bundle' && build.chunks.length === 0) continue;
      log(`— ${section.id}`);
      try {
        const result = await section.run(bench);
        for (const figure of result) log(`  ${figure.status.padEnd(12)} ${figure.title}: ${figure.result}`);
        figures.push(...result);
      } catch (error) {
        crashed = true;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`  ERROR in ${section.id}: ${message}`);
        figures.push({
          id: `${section.id}-error`,
          title: `${section.id}: the harness failed`,
          target: '—',
          status: 'error',
          result: 'error',
          note: message.split('\n').slice(0, 3).join(' '),
        });
        await bench.resetSim().catch(() => {});
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const report = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    runsPerFigure: runs,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...info, loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) },
    seed: { name: 'large', sizes, offering: LARGE.offering },
    summary: {
      met: figures.filter((f) => f.status === 'met').length,
      missed: figures.filter((f) => f.status === 'missed').length,
      notMeasured: figures.filter((f) => f.status === 'not measured').length,
      errors: figures.filter((f) => f.status === 'error').length,
    },
    figures,
    bundle: build.chunks.length ? bundleSection(build) : null,
  };

  const partial = Boolean(only) || flag('--no-build') || runs < 5;
  const target = smoke || partial ? join(root, 'bench', '.tmp') : join(root, 'bench');
  await mkdir(target, { recursive: true });
  const base = smoke ? 'smoke-' : partial ? 'partial-' : '';
  await writeFile(join(target, `${base}results.json`), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(target, smoke ? 'SMOKE.md' : partial ? 'PARTIAL.md' : 'RESULTS.md'), renderMarkdown(report));
  console.log('\n' + renderConsole(report));
  log(`Wrote ${join(target, `${base}results.json`)} in ${report.durationSeconds} s`);
  const errors = report.summary.errors;
  if (crashed || errors > 0) {
    console.error(`bench: ${errors} figure(s) could not be measured because of an error`);
    return 1;
  }
  return 0;
}

/** The bundle section: every chunk with its gzip size, and the largest modules of the entry chunk. */
export function bundleSection(build: BuildReport) {
  const entry = build.chunks.find((c) => c.isEntry);
  const entryGzipSum = entry ? entry.modules.reduce((n, m) => n + m.gzip, 0) : 0;
  return {
    buildSeconds: Math.round(build.seconds * 10) / 10,
    entry: entry
      ? {
          file: entry.file,
          bytes: entry.bytes,
          gzip: entry.gzip,
          imports: entry.imports,
          modules: entry.modules.length,
          // Gzip of each module alone: more than its share of the chunk's gzip (no shared dictionary).
          largest: entry.modules.slice(0, 25).map((m) => ({ ...m, share: entryGzipSum ? m.gzip / entryGzipSum : 0 })),
          byPackage: byPackage(entry.modules),
        }
      : null,
    chunks: build.chunks
      .map((c) => ({
        file: c.file,
        isEntry: c.isEntry,
        isDynamicEntry: c.isDynamicEntry,
        bytes: c.bytes,
        gzip: c.gzip,
        modules: c.modules.length,
      }))
      .sort((a, b) => b.gzip - a.gzip),
    files: build.files,
  };
}

function byPackage(modules: { id: string; rendered: number; gzip: number }[]) {
  const totals = new Map<string, { rendered: number; gzip: number; modules: number }>();
  for (const m of modules) {
    const key =
      m.id.startsWith('src/') || m.id.startsWith('sim/')
        ? 'app (src/)'
        : m.id.startsWith('@')
          ? m.id.split('/').slice(0, 2).join('/')
          : (m.id.split('/')[0] ?? m.id);
    const t = totals.get(key) ?? { rendered: 0, gzip: 0, modules: 0 };
    t.rendered += m.rendered;
    t.gzip += m.gzip;
    t.modules += 1;
    totals.set(key, t);
  }
  return [...totals.entries()].map(([name, t]) => ({ name, ...t })).sort((a, b) => b.gzip - a.gzip);
}

/** `--render`: rewrites bench/RESULTS.md from bench/results.json (after editing report.ts). */
async function renderOnly(): Promise<number> {
  const report = JSON.parse(await readFile(join(root, 'bench', 'results.json'), 'utf8')) as Parameters<typeof renderMarkdown>[0];
  await writeFile(join(root, 'bench', 'RESULTS.md'), renderMarkdown(report));
  log('Rewrote bench/RESULTS.md from bench/results.json');
  return 0;
}

(flag('--render') ? renderOnly() : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench crashed:', error);
    process.exit(1);
  },
);
