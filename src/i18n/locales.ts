/**
 * The languages the app ships, how a visit picks one, and what it sets on the document. Pure
 * and small: the boot script (src/boot/boot.ts) uses it too, to send the first requests in the
 * chosen language and to set `<html lang dir>` before the first paint.
 */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr' },
  de: { name: 'Deutsch', dir: 'ltr' },
  et: { name: 'Eesti', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
} as const;

export type Locale = keyof typeof LOCALES;
export const SOURCE_LOCALE: Locale = 'en';
/** Where the chosen language is kept, per browser. */
export const LANGUAGE_KEY = 'waldur-kc.language';
/** The query parameter that picks the language in any URL, as in Waldur's own UI. */
export const LANGUAGE_PARAM = 'language';

export function isLocale(value: string | null | undefined): value is Locale {
  return !!value && Object.hasOwn(LOCALES, value);
}

/** The first of `tags` (BCP 47: "de-AT", "ar", "en-GB") we ship, by its language subtag. */
export function matchLocale(tags: readonly string[]): Locale | undefined {
  for (const tag of tags) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return undefined;
}

/** `?language=xx` first, then the remembered choice, then the browser's languages, then English. */
export function chooseLocale(input: { search: string; stored: string | null; browser: readonly string[] }): Locale {
  const asked = new URLSearchParams(input.search).get(LANGUAGE_PARAM);
  return matchLocale([asked ?? '', input.stored ?? '', ...input.browser]) ?? SOURCE_LOCALE;
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/** The language of this visit, from the page's URL, storage and browser. */
export function currentVisitLocale(): Locale {
  return chooseLocale({ search: location.search, stored: storedLocale(), browser: navigator.languages ?? [navigator.language] });
}

/** `<html lang dir>`: screen readers, hyphenation, fonts and Mantine's direction follow it. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = LOCALES[locale].dir;
}
