/**
 * Runtime configuration, read from /config.json at start-up so that one build serves any
 * Waldur. `apiUrl` empty means "the same origin as the app" (the simulator or a proxy).
 */
export type RuntimeConfig = {
  apiUrl: string;
  /** Per-request time limit. */
  timeoutMs: number;
};

const defaults: RuntimeConfig = { apiUrl: '', timeoutMs: 30_000 };

/** config.json's body as settings: anything missing or of the wrong type takes its default. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const given = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof RuntimeConfig, unknown>>;
  return {
    apiUrl: typeof given.apiUrl === 'string' ? given.apiUrl.replace(/\/+$/, '') : defaults.apiUrl,
    timeoutMs: typeof given.timeoutMs === 'number' && given.timeoutMs > 0 ? given.timeoutMs : defaults.timeoutMs,
  };
}

/** /config.json, as the boot script already asked for it (boot/boot.ts), or asked for now. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const early = typeof window === 'undefined' ? undefined : window.__waldurKcBoot?.config;
  return parseRuntimeConfig(await (early ?? readConfig()));
}

/**
 * /config.json's body, or null when it cannot be read (the boot script reads it the same way).
 * With the default cache mode, so that the boot script takes index.html's preload of it; the
 * server sends it with `Cache-Control: no-cache` (see the README's deployment notes).
 */
export async function readConfig(): Promise<unknown> {
  try {
    const response = await fetch('/config.json');
    return response.ok ? ((await response.json()) as unknown) : null;
  } catch {
    return null;
  }
}
