/**
 * Builds the app for the benchmark into bench/.tmp/dist (never dist/, which `npm test` owns)
 * with the project's own Vite config, plus a small plugin that records what each chunk is made
 * of (rolldown's `chunk.modules`, with each module's rendered code gzip-sized here), so the
 * bundle section can name the modules that make the entry chunk heavy.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export type ModuleSize = { id: string; rendered: number; gzip: number };
export type ChunkReport = {
  file: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks this one imports statically (they load with it). */
  imports: string[];
  dynamicImports: string[];
  bytes: number;
  gzip: number;
  modules: ModuleSize[];
};
export type AssetSize = { file: string; bytes: number; gzip: number };
export type BuildReport = {
  outDir: string;
  seconds: number;
  chunks: ChunkReport[];
  /** Every file in the output with its size and gzip size (level 9, as the app server sends it). */
  files: AssetSize[];
};

const gzipSize = (data: string | Uint8Array): number => gzipSync(data, { level: 9 }).length;

/** Module ids relative to the project, with node_modules packages shortened to "pkg/path". */
export function shortModuleId(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + '/node_modules/'.length);
  return clean.startsWith(root) ? relative(root, clean) : clean;
}

function chunkRecorder(root: string, chunks: ChunkReport[]): Plugin {
  return {
    name: 'bench-chunk-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: ModuleSize[] = [];
        for (const [id, info] of Object.entries(output.modules)) {
          if (info.renderedLength === 0) continue;
          modules.push({ id: shortModuleId(id, root), rendered: info.renderedLength, gzip: info.code ? gzipSize(info.code) : 0 });
        }
        modules.sort((a, b) => b.gzip - a.gzip);
        chunks.push({
          file: output.fileName,
          isEntry: output.isEntry,
          isDynamicEntry: output.isDynamicEntry,
          imports: [...output.imports],
          dynamicImports: [...output.dynamicImports],
          bytes: Buffer.byteLength(output.code),
          gzip: gzipSize(output.code),
          modules,
        });
      }
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export async function buildApp(root: string, outDir: string): Promise<BuildReport> {
  const chunks: ChunkReport[] = [];
  await rm(outDir, { recursive: true, force: true });
  const started = performance.now();
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [chunkRecorder(root, chunks)],
  });
  const seconds = (performance.now() - started) / 1000;
  const files: AssetSize[] = [];
  for (const path of await listFiles(outDir)) {
    if (path.endsWith('.map')) continue;
    const data = await readFile(path);
    files.push({ file: relative(outDir, path), bytes: data.length, gzip: gzipSize(data) });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return { outDir, seconds, chunks, files };
}
