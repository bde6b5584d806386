import { i18n } from '@lingui/core';

// Made on first use per language: the first Intl formatter of a page sets up its locale data
// (about 30 ms). Dates, times and numbers follow the app's language (`i18n.locale`), not the
// browser's.
const formats = new Map<string, { dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat; number: Intl.NumberFormat }>();
function formatsOf(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }),
      number: new Intl.NumberFormat(locale),
    };
    formats.set(locale, found);
  }
  return found;
}
const current = () => formatsOf(i18n.locale || 'en');
const dateTimeFormat = () => current().dateTime;
const timeFormat = () => current().time;

/** A count or other number as the app's language writes it (1,234 · 1.234 · 1 234 · ١٬٢٣٤). */
export function formatNumber(value: number): string {
  return current().number.format(value);
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
