import { EARLY_FOR_MS } from '../boot/boot-record';

/**
 * The answer to `request` if the boot script (boot/boot.ts) sent the same GET before the app
 * had loaded, with the same token and not too long ago; otherwise null and the caller sends it.
 * Each early request is taken once. If it failed on the network it is sent again here, so an
 * early failure is never reported as the app's own.
 */
export function takeEarly(request: Request): Promise<Response> | null {
  const requests = typeof window === 'undefined' ? undefined : window.__waldurKcBoot?.requests;
  const early = request.method === 'GET' ? requests?.get(request.url) : undefined;
  if (!requests || !early) return null;
  requests.delete(request.url);
  if (performance.now() - early.sentAt > EARLY_FOR_MS) return null;
  if (request.headers.get('Authorization') !== `Token ${early.token}`) return null;
  return untilAborted(
    early.response.catch(() => globalThis.fetch(request)),
    request.signal,
  );
}

/**
 * Lets go of the early answers whose URL `unwanted` picks, untaken: the read they were sent for
 * is over, and a later read (after a write) must not take an answer from before it.
 */
export function dropEarly(unwanted: (url: string) => boolean): void {
  const requests = typeof window === 'undefined' ? undefined : window.__waldurKcBoot?.requests;
  for (const [url, early] of requests ?? []) {
    if (!unwanted(url)) continue;
    requests?.delete(url);
    void early.response.then((answer) => answer.body?.cancel()).catch(() => undefined);
  }
}

/** `response`, or a rejection with the signal's reason as soon as it aborts (as fetch does). */
function untilAborted(response: Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    response.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
