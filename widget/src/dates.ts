import { formatter, type LocaleController } from './locale.js';

// Dates are shown only by elements loaded on demand, so these live outside LocaleController, which
// the first view's list needs for numbers alone.

/** Formats an ISO timestamp as a date in `locale`'s language, e.g. `1 oktober 2026` in Dutch. */
export function formatDate(locale: LocaleController, iso: string): string {
  return formatter(`d ${locale.intl}`, () => new Intl.DateTimeFormat(locale.intl, { dateStyle: 'long' })).format(new Date(iso));
}

/** Formats an ISO timestamp as a date and time in `locale`'s language, e.g. `1 oktober 2026 om 19:30` in Dutch. */
export function formatDateTime(locale: LocaleController, iso: string): string {
  return formatter(`t ${locale.intl}`, () => new Intl.DateTimeFormat(locale.intl, { dateStyle: 'long', timeStyle: 'short' })).format(new Date(iso));
}
