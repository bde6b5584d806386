// Its own module, free of messages, so that the benchmark (run by tsx, without the Lingui
// macros) can read the same number.

/**
 * Chromium opens at most six connections to one host over HTTP/1.1. Twice that many reads are
 * under way at once, so six wait in the browser's queue: a connection takes the next one as soon
 * as an answer has arrived, not once the page's busy main thread has handled that answer (with
 * six, the 200 reads of an offering's team members took 3.3 s instead of 2.2 s, medians of four
 * alternating loads on a loaded machine). One cap for every read of grants, so a resource's
 * projects and their grants never multiply it.
 */
export const GRANT_READS_AT_ONCE = 12;
