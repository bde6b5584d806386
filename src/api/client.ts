import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import type { RuntimeConfig } from './config';
import { takeEarly } from './early';
import { ApiError, networkError, normaliseHttpError, timeoutError } from './errors';
import { expireSession, getToken } from './session';

export type ApiClient = Client<paths>;

type Fetch = (request: Request) => Promise<Response>;

let settings: RuntimeConfig = { apiUrl: '', timeoutMs: 30_000 };
/** The network, or an answer the boot script already asked for (api/early.ts). */
let transport: Fetch = (request) => takeEarly(request) ?? globalThis.fetch(request);

function isSignInRequest(url: string): boolean {
  return new URL(url).pathname.endsWith('/api-auth/password/');
}

/**
 * Every request goes through here: the token header, the time limit (combined with React
 * Query's AbortSignal, so leaving a page cancels its requests) and the session-expiry rule.
 */
async function authorisedFetch(input: Request): Promise<Response> {
  const token = getToken();
  // Without a token (never signed in, or the server refused it a moment ago) Waldur can only say
  // 401: the answer is made here instead of sending a request the server is sure to refuse.
  if (!token && !isSignInRequest(input.url)) return notSignedIn();
  const headers = new Headers(input.headers);
  if (token && !isSignInRequest(input.url)) headers.set('Authorization', `Token ${token}`);
  headers.set('Accept', 'application/json');
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = AbortSignal.any([input.signal, timeout]);
  const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : await input.text();
  const request = new Request(input.url, { method: input.method, headers, body, signal });

  let response: Response;
  try {
    response = await transport(request);
  } catch (error) {
    if (input.signal.aborted) throw error;
    if (timeout.aborted) throw timeoutError(Math.round(settings.timeoutMs / 1000));
    throw networkError();
  }
  if (response.status === 401 && token && !isSignInRequest(input.url)) {
    const detail = await response
      .clone()
      .json()
      .then((value: unknown) => (value && typeof value === 'object' && 'detail' in value ? String(value.detail) : ''))
      .catch(() => '');
    expireSession(detail || 'Your session has expired.');
  }
  return response;
}

/** DRF's answer to a request without credentials. */
function notSignedIn(): Response {
  return new Response(JSON.stringify({ detail: 'Authentication credentials were not provided.' }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Where the Waldur API lives (the app's own origin when it is served behind a proxy). */
export function baseUrl(): string {
  if (settings.apiUrl) return settings.apiUrl;
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

function makeClient(): ApiClient {
  return createClient<paths>({
    baseUrl: baseUrl(),
    fetch: authorisedFetch,
    querySerializer: { array: { style: 'form', explode: true } },
  });
}

/** The typed Waldur client. A live binding: configureApi() replaces it. */
export let api: ApiClient = makeClient();

/** Called once at start-up with /config.json; tests pass their own transport (the simulator). */
export function configureApi(config: Partial<RuntimeConfig>, fetchImpl?: Fetch): void {
  settings = { ...settings, ...config };
  if (fetchImpl) transport = fetchImpl;
  api = makeClient();
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The body of a successful answer, or an ApiError. */
export async function unwrap<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw normaliseHttpError(response.status, error ?? '');
  return data as T;
}

export type Page<T> = { items: T[]; total: number };

/** A paginated list: the rows and the total from X-Result-Count. */
export async function unwrapPage<T>(pending: Promise<Answer<T[]>>): Promise<Page<T>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw normaliseHttpError(response.status, error ?? '');
  const items = data ?? [];
  const header = response.headers.get('X-Result-Count');
  const total = header === null ? items.length : Number(header);
  return { items, total: Number.isFinite(total) ? total : items.length };
}

export { ApiError };
