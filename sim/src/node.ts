// Connect-style middleware for Node's http server (and Vite's dev server).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from './simulator.ts';

function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Builds a fetch Request from a Node request. */
export async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  const url = `${encrypted ? 'https' : 'http'}://${host}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const body = await readRequestBody(req);
    if (body.length > 0) init.body = new Uint8Array(body);
  }
  return new Request(url, init);
}

/** Writes a fetch Response to a Node response, streaming the body. */
export async function writeNodeResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (method === 'HEAD' || !response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
  }
  res.end();
}

/** `(req, res, next)`: answers simulator paths, calls next() for everything else. */
export function toNodeMiddleware(sim: Simulator): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/api/') && !path.startsWith('/api-auth/') && !path.startsWith('/__sim/')) {
      next();
      return;
    }
    void (async () => {
      try {
        const request = await toFetchRequest(req);
        const response = await sim.handle(request);
        if (response === null) {
          next();
          return;
        }
        await writeNodeResponse(res, response, request.method);
      } catch (err) {
        console.error('[sim] middleware error', err);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    })();
  };
}
