/**
 * Serves the built app (dist/) on one origin together with either the simulator or a proxy
 * to a real Waldur (`waldurApiUrl`), so the browser needs no CORS. Used by `npm start`, the
 * e2e tests (one server per worker) and the benchmark.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator, type SimulatorOptions } from './src/simulator.ts';
import { toNodeMiddleware } from './src/node.ts';

export type AppServerOptions = {
  port?: number;
  host?: string;
  distDir?: string;
  /** Proxy /api/ and /api-auth/ to this Waldur instead of running the simulator. */
  waldurApiUrl?: string;
  simulator?: SimulatorOptions;
  /** Serve extra static files (the benchmark's floor page) from this folder under /bench/. */
  extraStatic?: { prefix: string; dir: string };
};

export type AppServer = { url: string; port: number; sim: Simulator | null; close: () => Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt']);

/** No inline or foreign scripts. Mantine sets CSS variables in style attributes and tags. */
export function contentSecurityPolicy(apiOrigin?: string): string {
  const connect = ["'self'", apiOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

type Cached = { body: Buffer; gzip: Buffer | null; type: string; mtimeMs: number };

function createStatic(root: string) {
  const cache = new Map<string, Cached>();
  return async function load(pathname: string): Promise<Cached | null> {
    const file = resolve(root, '.' + normalize(decodeURIComponent(pathname)));
    if (file !== root && !file.startsWith(root + sep)) return null;
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const ext = extname(file);
    const entry: Cached = {
      body,
      gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body, { level: 9 }) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
      mtimeMs: info.mtimeMs,
    };
    cache.set(file, entry);
    return entry;
  };
}

function send(req: IncomingMessage, res: ServerResponse, file: Cached, headers: Record<string, string>) {
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip && file.gzip ? file.gzip : file.body;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': String(body.length),
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'content-encoding',
  'accept-encoding',
]);

function proxyTo(target: string) {
  const base = target.replace(/\/+$/, '');
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    try {
      const answer = await fetch(base + (req.url ?? '/'), {
        method: req.method,
        headers,
        body: body ? new Uint8Array(body) : undefined,
        redirect: 'manual',
      });
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) out[name] = value;
      });
      const buffer = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { ...out, 'Content-Length': String(buffer.length) });
      res.end(req.method === 'HEAD' ? undefined : buffer);
    } catch {
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>502 Bad Gateway</h1><p>The Waldur server did not answer.</p></body></html>');
    }
  };
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const distDir = resolve(options.distDir ?? join(import.meta.dirname, '..', 'dist'));
  const load = createStatic(distDir);
  const extra = options.extraStatic ? { prefix: options.extraStatic.prefix, load: createStatic(resolve(options.extraStatic.dir)) } : null;
  const sim = options.waldurApiUrl ? null : createSimulator(options.simulator);
  await sim?.ready;
  const simMiddleware = sim ? toNodeMiddleware(sim) : null;
  const proxy = options.waldurApiUrl ? proxyTo(options.waldurApiUrl) : null;
  const csp = contentSecurityPolicy();

  const serveApp = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://app');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('Method not allowed');
      return;
    }
    if (extra && url.pathname.startsWith(extra.prefix)) {
      const file = await extra.load(url.pathname.slice(extra.prefix.length - 1));
      if (file) return send(req, res, file, { 'Cache-Control': 'no-cache', 'Content-Security-Policy': csp });
    }
    const file = url.pathname === '/' ? null : await load(url.pathname);
    if (file) {
      const immutable = url.pathname.startsWith('/assets/');
      return send(req, res, file, {
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
      });
    }
    if (extname(url.pathname) && !url.pathname.endsWith('.html')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const index = await load('/index.html');
    if (!index) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('dist/index.html is missing: run `npm run build`.');
      return;
    }
    send(req, res, index, { 'Cache-Control': 'no-cache', 'Content-Security-Policy': csp });
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path.startsWith('/api-auth/');
    if (proxy && isApi) return void proxy(req, res);
    const fallthrough = () => void serveApp(req, res).catch(() => res.writeHead(500).end());
    if (simMiddleware) return simMiddleware(req, res, fallthrough);
    fallthrough();
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}`,
    port,
    sim,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
