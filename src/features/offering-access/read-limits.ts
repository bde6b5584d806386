// Its own module, free of messages, so that the benchmark (run by tsx, without the Lingui
// macros) and the boot script (which sends the first of these reads) can read the same number.

/**
 * Chromium opens at most six connections to one host over HTTP/1.1; the reads beyond those wait
 * in the browser's queue, and a connection takes the next one as soon as an answer has arrived,
 * not once the page's main thread has handled that answer. The queue has to outlast the main
 * thread's longest holds while reads are under way: the first reads go out before the app has
 * loaded (boot.ts), so its start and first render (200-450 ms on the benchmark's 2-core
 * machine) come in the middle of them, and six connections at ~55 ms an answer empty a queue of
 * 12 in 110 ms. With 12, the connections stood idle 306-405 ms of a load; with 48, 113-257 ms
 * (bench figure 14, three alternating loads each). Behind an HTTP/2 proxy there is no
 * browser queue: Waldur gets up to 48 of these small reads at once and its workers queue them.
 * One cap for every read of grants, so a resource's projects and their grants never multiply it.
 */
export const GRANT_READS_AT_ONCE = 48;
