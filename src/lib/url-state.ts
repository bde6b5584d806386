import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';

/**
 * Page state kept in the URL (filters, search text, page, page size, tab), so every view can
 * be bookmarked, shared and reloaded. One zod schema per page, shared by loader and component.
 */
export const param = {
  string: (fallback = '') => z.string().catch(fallback).default(fallback),
  int: (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).catch(fallback).default(fallback),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
    z.enum(values).catch(fallback).default(fallback),
  list: () => z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string())).catch([]),
};

export const PAGE_SIZES = ['10', '25', '50', '100'] as const;

/** `page` and `page_size`, the same on every paginated table. */
export const pagingShape = {
  page: param.int(1, 1, 1_000_000),
  page_size: param.int(10, 1, 300),
};

type Shape = z.ZodRawShape;

export function parseSearchParams<S extends Shape>(schema: z.ZodObject<S>, params: URLSearchParams): z.infer<z.ZodObject<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    raw[key] = values.length > 1 ? values : values[0];
  }
  return schema.parse(raw);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Writes state into params, leaving out defaults and keeping keys the schema does not own. */
export function writeSearchParams<S extends Shape>(
  schema: z.ZodObject<S>,
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

/**
 * The params last written but maybe not yet rendered: react-router's functional setter builds
 * on the params of the current render, so two updates in one tick (two filters) would
 * overwrite each other. Shared by every hook instance of the page.
 */
let pendingSearch: string | null = null;

export function useUrlState<S extends Shape>(schema: z.ZodObject<S>) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(schema, params), [schema, params]);
  const rendered = useRef(params);
  useEffect(() => {
    rendered.current = params;
    pendingSearch = null;
  }, [params]);
  const update = useCallback(
    (patch: Partial<z.infer<z.ZodObject<S>>>, options: { replace?: boolean } = {}) => {
      const base = new URLSearchParams(pendingSearch ?? rendered.current);
      const next = writeSearchParams(schema, { ...parseSearchParams(schema, base), ...patch }, base);
      pendingSearch = next.toString();
      setParams(next, { replace: options.replace ?? false });
    },
    [schema, setParams],
  );
  return [state, update] as const;
}
