// Waldur's LinkHeaderPagination (DRF PageNumberPagination): `page` 1-based (or "last"),
// `page_size` default 10, max 300, invalid sizes fall back to the default; plain array body with
// `X-Result-Count` and a `Link` header holding first / prev / next / last.
import type { JsonValue } from './errors.ts';
import { detail, MESSAGES } from './errors.ts';
import type { ApiResult } from './result.ts';
import type { QueryParams } from '../util/query.ts';
import { removeQueryParam, replaceQueryParam } from '../util/query.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 300;

/** Python `int(str)`: surrounding whitespace, a sign, digits with single underscores between. */
export function pythonInt(value: string): number | null {
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) return null;
  return Number(value.trim().replace(/_/g, ''));
}

export function pageSizeOf(query: QueryParams): number {
  const raw = query.get('page_size');
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  const n = pythonInt(raw);
  if (n === null || n <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

export function paginate<T>(url: URL, query: QueryParams, items: readonly T[], serialize: (item: T) => JsonValue): ApiResult {
  const size = pageSizeOf(query);
  const count = items.length;
  const numPages = Math.max(1, Math.ceil(count / size));
  const raw = query.get('page') ?? '1';
  let page: number;
  if (raw === 'last') page = numPages;
  else {
    const n = pythonInt(raw);
    if (n === null || n < 1 || n > numPages) throw detail(404, MESSAGES.invalidPage);
    page = n;
  }
  const start = (page - 1) * size;
  const body = items.slice(start, start + size).map(serialize);

  const links: string[] = [];
  links.push(`<${removeQueryParam(url, 'page')}>; rel="first"`);
  if (page > 1) {
    const prev = page - 1 === 1 ? removeQueryParam(url, 'page') : replaceQueryParam(url, 'page', String(page - 1));
    links.push(`<${prev}>; rel="prev"`);
  }
  if (page < numPages) links.push(`<${replaceQueryParam(url, 'page', String(page + 1))}>; rel="next"`);
  const last = numPages === 1 ? removeQueryParam(url, 'page') : replaceQueryParam(url, 'page', String(numPages));
  links.push(`<${last}>; rel="last"`);

  return {
    status: 200,
    body,
    list: true,
    headers: { 'X-Result-Count': String(count), Link: links.join(', ') },
  };
}
