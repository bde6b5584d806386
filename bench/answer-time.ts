import { Agent, request } from 'node:http';
import { fmtMs } from './figure.ts';

/** Chromium's limit of connections to one host over HTTP/1.1, which the simulator's server speaks. */
export const BROWSER_CONNECTIONS = 6;

/**
 * How long the simulator takes to answer, from Node and without a browser, when `paths` are
 * asked over BROWSER_CONNECTIONS kept-alive connections at once, as a page asks them: the mean
 * time one connection is held by an answer (elapsed x connections / requests). With the
 * simulator's latency set, it is that latency plus the simulator's own work and queueing,
 * which the network floor `requests x latency / 6` leaves out.
 */
export async function answerTimeMs(baseUrl: string, token: string, paths: readonly string[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS });
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(`${baseUrl}${path}`, { agent, headers: { Authorization: `Token ${token}` } }, (response) => {
        response.on('data', () => undefined);
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${path}: HTTP ${response.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const started = performance.now();
    await Promise.all(paths.map(get));
    return ((performance.now() - started) * BROWSER_CONNECTIONS) / paths.length;
  } finally {
    agent.destroy();
  }
}

/** The note's sentence: the floor with the answer time measured, beside the one with the latency alone. */
export function floorSentence(requests: number, latencyMs: number, answerMs: number): string {
  return (
    `The simulator itself, asked from Node over ${BROWSER_CONNECTIONS} connections at once, holds a connection ${answerMs.toFixed(1)} ms an answer ` +
    `(latency ${latencyMs} ms plus its own work), which puts the floor at ${requests} x ${answerMs.toFixed(1)} ms / ${BROWSER_CONNECTIONS} = ${fmtMs((requests * answerMs) / BROWSER_CONNECTIONS)}.`
  );
}
