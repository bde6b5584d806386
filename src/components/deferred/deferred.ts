import { useEffect, useSyncExternalStore } from 'react';
import { afterStart } from '../../lib/after-start';

export type Deferred<T> = {
  /** The loaded value, or null until it is loaded; starts the load after start (see afterStart). */
  useLoaded: () => T | null;
  /** Loads it now (a click that needs it); resolves once it is there. */
  load: () => Promise<T>;
};

/**
 * Code that the first screen shows without, and the first interaction may need: a tooltip, a
 * row's menu, a picker. It is fetched after start, or at once when asked for (`load`), and the
 * components that use it render a plain stand-in until then. Unlike React.lazy, nothing
 * suspends and nothing is fetched by the first render.
 */
export function deferred<T>(importer: () => Promise<T>): Deferred<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= importer().then((loaded) => {
      value = loaded;
      for (const listener of listeners) listener();
      return loaded;
    }));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  // One schedule for all the components that use it (a menu on every row), never cancelled: a
  // load that nobody needs any more costs one request after start.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    afterStart(() => void load());
  };
  return {
    load,
    useLoaded() {
      const current = useSyncExternalStore(subscribe, () => value);
      const loaded = current !== null;
      useEffect(() => {
        if (!loaded) schedule();
      }, [loaded]);
      return current;
    },
  };
}
