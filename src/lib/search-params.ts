/**
 * Page state kept in the URL (filters, search text, page, page size, tab), so every view can
 * be bookmarked, shared and reloaded. One schema per page (`searchSchema`), shared by loader and
 * component. Hand-written rather than zod: it is on every page's first screen, and a value that
 * does not fit (a junk or old bookmark) just falls back to its default.
 */
export type Param<T> = { parse: (value: unknown) => T };

const fallbackTo = <T>(fallback: T, accept: (value: unknown) => T | undefined): Param<T> => ({
  parse: (value) => (value === undefined ? fallback : (accept(value) ?? fallback)),
});

export const param = {
  string: (fallback = ''): Param<string> => fallbackTo(fallback, (value) => (typeof value === 'string' ? value : undefined)),
  int: (fallback: number, min: number, max: number): Param<number> =>
    fallbackTo(fallback, (value) => {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      const number = Number(value);
      return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
    }),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]): Param<T[number]> =>
    fallbackTo(fallback, (value) => values.find((item) => item === value)),
  list: (): Param<string[]> =>
    fallbackTo<string[]>([], (value) => {
      const items = Array.isArray(value) ? (value as unknown[]) : [value];
      return items.every((item) => typeof item === 'string') ? (items as string[]) : undefined;
    }),
};

export const PAGE_SIZES = ['10', '25', '50', '100'] as const;

/** `page` and `page_size`, the same on every paginated table. */
export const pagingShape = {
  page: param.int(1, 1, 1_000_000),
  page_size: param.int(10, 1, 300),
};

export type Shape = Record<string, Param<unknown>>;
export type SearchState<S extends SearchSchema<Shape>> =
  S extends SearchSchema<infer T> ? { [K in keyof T]: ReturnType<T[K]['parse']> } : never;
export type SearchSchema<S extends Shape> = {
  shape: S;
  parse: (raw: Record<string, unknown>) => { [K in keyof S]: ReturnType<S[K]['parse']> };
};

export function searchSchema<S extends Shape>(shape: S): SearchSchema<S> {
  return {
    shape,
    parse: (raw) => {
      const state: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(shape)) state[key] = item.parse(raw[key]);
      return state as { [K in keyof S]: ReturnType<S[K]['parse']> };
    },
  };
}

export function parseSearchParams<S extends Shape>(schema: SearchSchema<S>, params: URLSearchParams): SearchState<SearchSchema<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    raw[key] = values.length > 1 ? values : values[0];
  }
  return schema.parse(raw) as SearchState<SearchSchema<S>>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Writes state into params, leaving out defaults and keeping keys the schema does not own. */
export function writeSearchParams<S extends Shape>(
  schema: SearchSchema<S>,
  state: Record<string, unknown>,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const next = new URLSearchParams(base);
  for (const key of Object.keys(schema.shape)) {
    next.delete(key);
    const value = state[key];
    if (value === undefined || value === null || sameValue(value, defaults[key])) continue;
    if (Array.isArray(value)) for (const item of value) next.append(key, String(item));
    else next.set(key, String(value));
  }
  return next;
}
