// How many groups a members check reads at once; its own module, free of messages, so that the
// benchmark (run by tsx, without the Lingui macros) can read the same numbers.

/** Groups read at a time: as many as a browser's connections to one host over HTTP/1.1. */
export const DEFAULT_CONCURRENCY = 6;

/**
 * Groups the app's check keeps in flight beyond the connections: their requests wait in the
 * browser's network queue, so a connection that frees starts the next read at once instead of
 * after the page's main thread has handled the answer (bench figure 10).
 */
export const QUEUED_AHEAD = 2;
