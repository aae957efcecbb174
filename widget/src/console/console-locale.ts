import { configureLocalization } from '@lit/localize';
import * as en from './generated/locales/en.js';

/** The language the console's texts are written in. */
const sourceLocale = 'nl';
/** The languages its texts are translated into (widget/src/console/xliff). */
const targetLocales = ['en'] as const;

/** A language the console speaks: Dutch (the source) or English. */
export type ConsoleLocale = typeof sourceLocale | (typeof targetLocales)[number];

/**
 * The console's own message catalogue (widget/src/console/lit-localize.json), apart from the
 * widget's, so the widget's bundle carries none of the console's texts. The console page loads
 * no widget elements, so the one localization a page may configure is the console's.
 */
let localization: ReturnType<typeof configureLocalization> | undefined;

/** The console language for a language tag: English for `en` and `en-*`, Dutch for everything else. */
export function consoleLocale(tag: string): ConsoleLocale {
  return /^en(-|$)/i.test(tag) ? 'en' : 'nl';
}

/** Switches every console element to `locale`; configured on first use, so importing has no side effects. */
export function setConsoleLocale(locale: ConsoleLocale): Promise<void> {
  localization ??= configureLocalization({ sourceLocale, targetLocales, loadLocale: async () => en });
  return localization.setLocale(locale);
}

/** The language the console speaks now. */
export function currentConsoleLocale(): string {
  return localization?.getLocale() ?? sourceLocale;
}
