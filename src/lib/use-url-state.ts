import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { parseSearchParams, writeSearchParams, type SearchSchema, type SearchState, type Shape } from './search-params';

/**
 * The params last written but maybe not yet rendered: react-router's functional setter builds
 * on the params of the current render, so two updates in one tick (two filters) would
 * overwrite each other. Shared by every hook instance of the page.
 */
let pendingSearch: string | null = null;

/** The hook that keeps page state in the URL; the parsing itself is in search-params.ts (which the boot script uses without React). */
export function useUrlState<S extends Shape>(schema: SearchSchema<S>) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchParams(schema, params), [schema, params]);
  const rendered = useRef(params);
  useEffect(() => {
    rendered.current = params;
    pendingSearch = null;
  }, [params]);
  const update = useCallback(
    (patch: Partial<SearchState<SearchSchema<S>>>, options: { replace?: boolean } = {}) => {
      const base = new URLSearchParams(pendingSearch ?? rendered.current);
      const next = writeSearchParams(schema, { ...parseSearchParams(schema, base), ...patch }, base);
      pendingSearch = next.toString();
      setParams(next, { replace: options.replace ?? false });
    },
    [schema, setParams],
  );
  return [state, update] as const;
}
