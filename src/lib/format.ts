import { i18n } from '@lingui/core';

// Each made on first use per language: the first Intl formatter of a page sets up its locale
// data (about 30 ms), so a page that shows only dates never builds the number format. Dates,
// times and numbers follow the app's language (`i18n.locale`), not the browser's.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatOf<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: (locale: string) => T): T {
  const locale = i18n.locale || 'en';
  const key = `${kind} ${locale}`;
  let found = formats.get(key) as T | undefined;
  if (!found) {
    found = make(locale);
    formats.set(key, found);
  }
  return found;
}
const dateTimeFormat = () => formatOf('dateTime', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const timeFormat = () => formatOf('time', (locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }));
const numberFormat = () => formatOf('number', (locale) => new Intl.NumberFormat(locale));

/** A count or other number as the app's language writes it (1,234 · 1.234 · 1 234 · ١٬٢٣٤). */
export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat().format(date);
}

export function formatTime(value: number | Date): string {
  return timeFormat().format(value instanceof Date ? value : new Date(value));
}

/** Waldur sends 32-hex UUIDs; URLs may hold either form. */
export function hexUuid(value: string): string {
  return value.replaceAll('-', '').toLowerCase();
}

/** The uuid at the end of an API object's URL (…/offering-keycloak-groups/<uuid>/), or "". */
export function uuidFromUrl(url: string | null | undefined): string {
  const match = /\/([0-9a-fA-F-]{32,36})\/?(?:[?#].*)?$/.exec(url ?? '');
  return match?.[1] ? hexUuid(match[1]) : '';
}

/** `text` cut to `max` characters (code points, not UTF-16 units) with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
