/**
 * Where the time goes, for figures that miss: a CPU profile of one extra run (never of a
 * measured one: the profiler slows the page), with every sample mapped back through the build's
 * source maps to the original file and function, then summed by self time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { shortModuleId } from './build.ts';

type Segment = [genCol: number, src: number, line: number, col: number, name: number];
type DecodedMap = { sources: string[]; names: string[]; lines: Segment[][] };

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes a source map's VLQ `mappings` into segments per generated line. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let src = 0;
  let line = 0;
  let col = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const out: Segment[] = [];
    let genCol = 0;
    for (const chunk of text.split(',')) {
      if (!chunk) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of chunk) {
        const digit = B64.get(c) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0] ?? 0;
      if (values.length >= 4) {
        src += values[1] ?? 0;
        line += values[2] ?? 0;
        col += values[3] ?? 0;
        if (values.length >= 5) name += values[4] ?? 0;
        out.push([genCol, src, line, col, values.length >= 5 ? name : -1]);
      }
    }
    lines.push(out);
  }
  return lines;
}

export class SourceMaps {
  private readonly maps = new Map<string, Promise<DecodedMap | null>>();
  constructor(
    private readonly distDir: string,
    private readonly root: string,
  ) {}

  private load(file: string): Promise<DecodedMap | null> {
    let hit = this.maps.get(file);
    if (!hit) {
      hit = readFile(join(this.distDir, 'assets', `${file}.map`), 'utf8')
        .then((text) => {
          const raw = JSON.parse(text) as { sources: string[]; names: string[]; mappings: string; sourceRoot?: string };
          const sources = raw.sources.map((s) => shortModuleId(s.replace(/^(\.\.\/)+/, `${this.root}/`), this.root));
          return { sources, names: raw.names, lines: decodeMappings(raw.mappings) };
        })
        .catch(() => null);
      this.maps.set(file, hit);
    }
    return hit;
  }

  /** Original "file:line (name)" of a generated position (0-based line and column). */
  async locate(url: string, line: number, column: number): Promise<{ source: string; line: number; name: string | null } | null> {
    const file = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
    if (!file) return null;
    const map = await this.load(file);
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return null;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] <= column) best = segment;
      else break;
    }
    best ??= segments[0];
    if (!best) return null;
    return { source: map.sources[best[1]] ?? '?', line: best[2] + 1, name: best[4] >= 0 ? (map.names[best[4]] ?? null) : null };
  }
}

export type Hotspot = { where: string; ms: number; share: number };
export type ProfileSummary = {
  totalMs: number;
  idleMs: number;
  functions: Hotspot[];
  modules: Hotspot[];
  /** Main-thread time by kind (CDP Performance metrics, differences over the profiled span). */
  mainThread: { scriptMs: number; layoutMs: number; styleMs: number; taskMs: number; layouts: number; styleRecalcs: number };
};

type Metrics = Record<string, number>;
const started = new WeakMap<CDPSession, Metrics>();

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  started.set(cdp, await metrics(cdp));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Stops the profiler and sums self time by original function and by module (package or app file). */
export async function stopProfile(cdp: CDPSession, maps: SourceMaps, top = 8): Promise<ProfileSummary> {
  const { profile } = await cdp.send('Profiler.stop');
  const end = await metrics(cdp);
  const begin = started.get(cdp) ?? {};
  const diff = (name: string, scale = 1000) => Math.round(((end[name] ?? 0) - (begin[name] ?? 0)) * scale);
  const mainThread = {
    scriptMs: diff('ScriptDuration'),
    layoutMs: diff('LayoutDuration'),
    styleMs: diff('RecalcStyleDuration'),
    taskMs: diff('TaskDuration'),
    layouts: diff('LayoutCount', 1),
    styleRecalcs: diff('RecalcStyleCount', 1),
  };
  await cdp.detach().catch(() => {});
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += ms;
    if (frame.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const located = frame.url ? await maps.locate(frame.url, frame.lineNumber, frame.columnNumber) : null;
    const module = located ? located.source : frame.url ? frame.url.replace(/^.*\//, '') : frame.functionName || '(native)';
    const where = located ? `${located.source}:${located.line}${located.name ? ` ${located.name}` : ''}` : frame.functionName || '(native)';
    functions.set(where, (functions.get(where) ?? 0) + ms);
    const pkg = module.startsWith('src/')
      ? module
      : module.startsWith('@')
        ? module.split('/').slice(0, 2).join('/')
        : (module.split('/')[0] ?? module);
    modules.set(pkg, (modules.get(pkg) ?? 0) + ms);
  }
  const busy = total - idle;
  const rank = (map: Map<string, number>): Hotspot[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, ms: Math.round(ms), share: busy ? ms / busy : 0 }));
  return { totalMs: Math.round(total), idleMs: Math.round(idle), functions: rank(functions), modules: rank(modules), mainThread };
}

/** "src/features/x.ts:12 fn 41%, react-dom 20%, …" for a note. */
export function describeProfile(summary: ProfileSummary, count = 4): string {
  const busy = summary.totalMs - summary.idleMs;
  const fns = summary.functions
    .slice(0, count)
    .map((h) => `${h.where} ${Math.round(h.share * 100)}%`)
    .join(', ');
  const mods = summary.modules
    .slice(0, count)
    .map((h) => `${h.where} ${Math.round(h.share * 100)}%`)
    .join(', ');
  const m = summary.mainThread;
  return (
    `Profile of an extra run: main thread busy ${busy} ms of ${summary.totalMs} ms (tasks ${m.taskMs} ms: script ${m.scriptMs} ms, ` +
    `style ${m.styleMs} ms in ${m.styleRecalcs} recalculations, layout ${m.layoutMs} ms in ${m.layouts} layouts); ` +
    `JS self time by function: ${fns}; by module: ${mods}.`
  );
}
