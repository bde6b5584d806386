// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_FOR_MS, type EarlyRequest } from '../boot/boot-record';
import { api, configureApi, unwrap } from './client';
import { dropEarly } from './early';
import { loadRuntimeConfig } from './config';
import { setToken } from './session';

// The app's side of the boot script: an answer the boot script already asked for is used in
// place of a request, once, and only for the same URL and token.
const OFFERING = 'o1';
const URL_OF = `http://waldur.test/api/marketplace-provider-offerings/${OFFERING}/`;

const network = vi.fn<typeof fetch>();
let requests: Map<string, EarlyRequest>;

function early(body: unknown, options: Partial<EarlyRequest> = {}): EarlyRequest {
  return { token: 'token', sentAt: performance.now(), response: Promise.resolve(Response.json(body)), ...options };
}

const readOffering = () => unwrap(api.GET('/api/marketplace-provider-offerings/{uuid}/', { params: { path: { uuid: OFFERING } } }));

beforeEach(() => {
  requests = new Map();
  window.__waldurKcBoot = { config: Promise.resolve({ apiUrl: 'http://waldur.test/', timeoutMs: 2_000 }), requests };
  network.mockReset().mockImplementation(() => Promise.resolve(Response.json({ from: 'network' })));
  vi.stubGlobal('fetch', network);
  setToken('token', false);
  configureApi({ apiUrl: 'http://waldur.test', timeoutMs: 2_000 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.__waldurKcBoot;
});

describe('early answers', () => {
  it('reads config.json as the boot script did, without asking again', async () => {
    await expect(loadRuntimeConfig()).resolves.toEqual({ apiUrl: 'http://waldur.test', timeoutMs: 2_000 });
    expect(network).not.toHaveBeenCalled();
  });

  it('answers the same GET from the early request, once', async () => {
    requests.set(URL_OF, early({ from: 'boot' }));
    await expect(readOffering()).resolves.toEqual({ from: 'boot' });
    expect(network).not.toHaveBeenCalled();
    await expect(readOffering()).resolves.toEqual({ from: 'network' });
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('sends its own request when the token differs or the early one is old', async () => {
    requests.set(URL_OF, early({ from: 'boot' }, { token: 'someone else' }));
    await expect(readOffering()).resolves.toEqual({ from: 'network' });
    requests.set(URL_OF, early({ from: 'boot' }, { sentAt: performance.now() - EARLY_FOR_MS - 1 }));
    await expect(readOffering()).resolves.toEqual({ from: 'network' });
    expect(network).toHaveBeenCalledTimes(2);
  });

  it('sends the request again when the early one failed on the network', async () => {
    requests.set(URL_OF, early(null, { response: Promise.reject(new TypeError('Failed to fetch')) }));
    await expect(readOffering()).resolves.toEqual({ from: 'network' });
  });

  it('gives an early 401 to the session rule like any answer', async () => {
    requests.set(URL_OF, { ...early(null), response: Promise.resolve(Response.json({ detail: 'Invalid token.' }, { status: 401 })) });
    await expect(readOffering()).rejects.toMatchObject({ status: 401 });
    expect(network).not.toHaveBeenCalled();
  });

  it('stops waiting when the caller aborts', async () => {
    requests.set(URL_OF, early(null, { response: new Promise<Response>(() => undefined) }));
    const controller = new AbortController();
    const pending = api.GET('/api/marketplace-provider-offerings/{uuid}/', {
      params: { path: { uuid: OFFERING } },
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an answer let go (its read is over) is not taken by a later request, which goes to the network', async () => {
    requests.set(URL_OF, early({ from: 'boot' }));
    requests.set('http://waldur.test/api/users/me/', early({ from: 'boot' }));
    dropEarly((url) => url.includes('/marketplace-provider-offerings/'));
    expect([...requests.keys()]).toEqual(['http://waldur.test/api/users/me/']);
    await expect(readOffering()).resolves.toEqual({ from: 'network' });
    expect(network).toHaveBeenCalledTimes(1);
  });
});
