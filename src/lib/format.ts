// Made on first use: the first Intl formatter of a page sets up its locale data (about 30 ms).
let dateTime: Intl.DateTimeFormat | undefined;
let time: Intl.DateTimeFormat | undefined;
const dateTimeFormat = () => (dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const timeFormat = () => (time ??= new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }));

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat().format(date);
}

export function formatTime(value: number | Date): string {
  return timeFormat().format(value instanceof Date ? value : new Date(value));
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
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
