import { getRpmaLocale } from './localization.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A stored ISO time as the user reads it, in the current locale and the given IANA time zone
 * (the browser's by default): `26/11/2026 09:30` in French.
 *
 * @example
 * ```ts
 * formatDateTime('2026-11-26T08:30:00Z', 'Europe/Paris'); // 'Nov 26, 2026, 9:30 AM'
 * ```
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const locale = getRpmaLocale();
  const key = `${locale}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formats.set(key, format);
  }
  return format.format(new Date(iso));
}
