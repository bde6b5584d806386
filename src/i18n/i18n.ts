import { i18n, type Messages } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { applyDocumentLocale, rememberLocale, type Locale } from './locales';

/**
 * One chunk per locale, loaded when the locale is chosen. English is the source text the
 * messages carry in the code (compiled at build time, see vite.config.ts): it needs no catalog.
 */
const catalogs = import.meta.glob<{ messages: Messages }>(['../locales/*/messages.po', '!../locales/en/**']);

async function messagesOf(locale: Locale): Promise<Messages> {
  const load = catalogs[`../locales/${locale}/messages.po`];
  return load ? (await load()).messages : {};
}

/**
 * Makes `locale` the app's language: its catalog, `<html lang dir>`, the page title, and what every request
 * sends as Accept-Language (api/client.ts reads `i18n.locale`). Resolves once the new messages
 * render; a catalog that fails to load leaves the language as it was and rejects.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  requested = locale;
  i18n.loadAndActivate({ locale, messages: await messagesOf(locale) });
  applyDocumentLocale(locale);
  document.title = i18n._(msg`Waldur · Keycloak groups`);
}

let requested: Locale | undefined;

/**
 * The language requests ask Waldur for (Accept-Language): the one being activated, whose catalog
 * may still be loading while the first page's data is already on its way.
 */
export function requestLocale(): Locale | undefined {
  return requested;
}

/**
 * Resolves once a language is active. Words made before that (an error of a request that failed
 * while the catalog was loading) would be Lingui's own complaint instead of a message.
 */
export function localeActive(): Promise<void> {
  if (i18n.locale) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = i18n.on('change', () => {
      if (!i18n.locale) return;
      stop();
      resolve();
    });
  });
}

/** The language the user picks in the menu: kept for the next visits in this browser. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  await activateLocale(locale);
  rememberLocale(locale);
}

export { i18n };
