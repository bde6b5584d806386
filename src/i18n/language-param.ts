import { LANGUAGE_PARAM, matchLocale, rememberLocale, type Locale } from './locales';

/**
 * `?language=xx` in the URL a visit opens (a link shared in a language, as Waldur's UI takes
 * it): the language is remembered for this browser and the parameter leaves the URL, so that
 * the page's own links and its address do not carry it on.
 */
export function takeLanguageParam(): Locale | undefined {
  const url = new URL(location.href);
  const asked = url.searchParams.get(LANGUAGE_PARAM);
  if (asked === null) return undefined;
  url.searchParams.delete(LANGUAGE_PARAM);
  history.replaceState(history.state, '', url);
  const locale = matchLocale([asked]);
  if (!locale) return undefined;
  rememberLocale(locale);
  return locale;
}
