import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';
import type { paths as Paths81 } from './schema-8.1';
import type { RuntimeConfig } from './config';
import { takeEarly } from './early';
import { ApiError, networkError, normaliseHttpError, timeoutError } from './errors';
import { expireSession, getToken } from './session';
import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { localeActive, requestLocale } from '../i18n/i18n';
import { SOURCE_LOCALE } from '../i18n/locales';

export type ApiClient = Client<paths>;
/** The same transport typed by Waldur 8.1.3's document, for the endpoints of offering roles (8.0.8+). */
export type ApiClient81 = Client<Paths81>;

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
  if (!token && !isSignInRequest(input.url)) {
    await localeActive();
    return notSignedIn();
  }
  const headers = new Headers(input.headers);
  if (token && !isSignInRequest(input.url)) headers.set('Authorization', `Token ${token}`);
  headers.set('Accept', 'application/json');
  // Waldur's own messages (validation errors, details) in the app's language where it has them.
  headers.set('Accept-Language', requestLocale() ?? (i18n.locale || SOURCE_LOCALE));
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = AbortSignal.any([input.signal, timeout]);
  // The body moves over as it is, not read out first: reading it took a task, and a render in
  // between held back every POST (bench figure 12: each import request waited for it).
  const request = new Request(input, { headers, signal });

  let response: Response;
  try {
    response = await transport(request);
  } catch (error) {
    if (input.signal.aborted) throw error;
    await localeActive();
    if (timeout.aborted) throw timeoutError(Math.round(settings.timeoutMs / 1000));
    throw networkError();
  }
  // The first page's requests run while its catalog loads: what goes wrong is put in words once
  // the language is active (unwrap and unwrapPage make theirs from this answer).
  if (!response.ok) await localeActive();
  if (response.status === 401 && token && !isSignInRequest(input.url)) {
    const detail = await response
      .clone()
      .json()
      .then((value: unknown) => (value && typeof value === 'object' && 'detail' in value ? String(value.detail) : ''))
      .catch(() => '');
    expireSession(detail || t`Your session has expired.`);
  }
  return response;
}

/** DRF's answer to a request without credentials. */
function notSignedIn(): Response {
  return new Response(JSON.stringify({ detail: t`Authentication credentials were not provided.` }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Where the Waldur API lives (the app's own origin when it is served behind a proxy). */
export function baseUrl(): string {
  if (settings.apiUrl) return settings.apiUrl;
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

function makeClient<P extends object>(): Client<P> {
  return createClient<P>({
    baseUrl: baseUrl(),
    fetch: authorisedFetch,
    querySerializer: { array: { style: 'form', explode: true } },
  });
}

/** The typed Waldur client. A live binding: configureApi() replaces it. */
export let api: ApiClient = makeClient<paths>();
/** The Waldur 8.1 client (offering roles, grants, sync states). A live binding too. */
export let api81: ApiClient81 = makeClient<Paths81>();

/** Called once at start-up with /config.json; tests pass their own transport (the simulator). */
export function configureApi(config: Partial<RuntimeConfig>, fetchImpl?: Fetch): void {
  settings = { ...settings, ...config };
  if (fetchImpl) transport = fetchImpl;
  api = makeClient<paths>();
  api81 = makeClient<Paths81>();
}

/**
 * The status code of a request to a route this server may not have (the capability probes):
 * through the same transport and session rule as every call, the body left unread, since an
 * unknown route answers with Django's page, not JSON.
 */
export async function probeStatus(method: 'GET' | 'HEAD' | 'OPTIONS', path: string, signal?: AbortSignal): Promise<number> {
  const response = await authorisedFetch(new Request(new URL(path, baseUrl()), { method, signal }));
  await response.body?.cancel();
  return response.status;
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
