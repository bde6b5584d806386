/**
 * Names are user input and may hold right-to-left text or explicit direction controls (U+202E
 * "RIGHT-TO-LEFT OVERRIDE"), which would flip the text around them when a name is put inside
 * a sentence. In markup use <bdi>; in plain strings (titles, labels, notifications) wrap the
 * name in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE. Plain left-to-right names are left
 * as they are, so they stay easy to search for.
 */
const NEEDS_ISOLATION = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * The explicit direction controls: marks, embeddings, overrides and isolates. Inside an
 * isolate they still act on the name itself (`\u202Egnp.exe` shows as "exe.png"), so they are
 * shown as what they are instead, e.g. `[U+202E]gnp.exe`.
 */
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function showControls(text: string): string {
  return text.replace(CONTROLS, (control) => `[U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** A name for a plain string (a title, a label, a notification): controls shown, then isolated. */
export function isolate(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `\u2068${showControls(text)}\u2069` : text;
}
