import type { JsonValue } from './errors.ts';
import { HttpError } from './errors.ts';

/** What a handler returns; turned into a Response by `toResponse`. */
export interface ApiResult {
  status: number;
  body?: JsonValue;
  headers?: Record<string, string>;
  /** Paginated list: a HEAD request answers the count header only. */
  list?: boolean;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Link, X-Result-Count',
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
  'Access-Control-Allow-Headers':
    'accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with, x-impersonated-user-uuid',
  'Access-Control-Max-Age': '86400',
};

export function ok(body: JsonValue, status = 200): ApiResult {
  return { status, body };
}

export function noContent(): ApiResult {
  return { status: 204 };
}

export function toResponse(result: ApiResult, method: string): Response {
  const headers = new Headers(CORS_HEADERS);
  headers.set('Vary', 'Accept');
  for (const [k, v] of Object.entries(result.headers ?? {})) headers.set(k, v);
  if (method === 'HEAD' && result.list) headers.delete('Link');
  let payload: string | null = null;
  if (result.body !== undefined && result.status !== 204) {
    payload = JSON.stringify(result.body);
    headers.set('Content-Type', 'application/json');
  }
  if (method === 'HEAD') payload = null;
  return new Response(payload, { status: result.status, headers });
}

export function errorToResponse(err: HttpError, method: string): Response {
  const headers = new Headers(CORS_HEADERS);
  for (const [k, v] of Object.entries(err.headers)) headers.set(k, v);
  let payload: string | null;
  if (err.html !== undefined) {
    headers.set('Content-Type', 'text/html; charset=utf-8');
    payload = err.html;
  } else if (err.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    headers.set('Vary', 'Accept');
    payload = JSON.stringify(err.body);
  } else {
    payload = null;
  }
  if (method === 'HEAD') payload = null;
  return new Response(payload, { status: err.status, headers });
}
