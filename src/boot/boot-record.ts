/**
 * What the boot script (boot.ts) leaves on `window` for the app: /config.json and the first API
 * requests of the page being opened, sent before the app's code has loaded. The app takes them
 * through api/early.ts; nothing here is required, and without it the app sends its own.
 */
export type EarlyRequest = {
  /** The token it was sent with: taken only by a request with the same one. */
  token: string;
  /** performance.now() when it was sent. */
  sentAt: number;
  response: Promise<Response>;
};

export type BootRecord = {
  /** /config.json's body, or null when it could not be read. */
  config: Promise<unknown>;
  /** GET requests by URL, each taken at most once. */
  requests: Map<string, EarlyRequest>;
};

/**
 * How long an early answer stays usable. The app asks for the same URLs within a few hundred
 * milliseconds of starting; later than this it fetches afresh, and the answer is dropped.
 */
export const EARLY_FOR_MS = 10_000;

declare global {
  interface Window {
    __waldurKcBoot?: BootRecord;
  }
}
