/**
 * Names are user input and may hold right-to-left text or explicit direction controls (U+202E
 * "RIGHT-TO-LEFT OVERRIDE"), which would flip the text around them when a name is put inside
 * a sentence. In markup use <bdi>; in plain strings (titles, labels, notifications) wrap the
 * name in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE. Plain left-to-right names are left
 * as they are, so they stay easy to search for.
 */
const NEEDS_ISOLATION = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function isolate(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `\u2068${text}\u2069` : text;
}
