import { currentConsoleLocale as getLocale } from './console-locale.js';

/** A timestamp as date and time in the console's language, e.g. `1 okt 2026, 19:30`. */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A number in the console's language, e.g. `1.234` in Dutch; `fractionDigits` at most. */
export function number(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: fractionDigits }).format(value);
}
