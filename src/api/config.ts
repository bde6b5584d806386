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

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return defaults;
    const raw = (await response.json()) as Partial<RuntimeConfig>;
    return {
      apiUrl: typeof raw.apiUrl === 'string' ? raw.apiUrl.replace(/\/+$/, '') : defaults.apiUrl,
      timeoutMs: typeof raw.timeoutMs === 'number' && raw.timeoutMs > 0 ? raw.timeoutMs : defaults.timeoutMs,
    };
  } catch {
    return defaults;
  }
}
