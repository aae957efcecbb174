import { configureLocalization } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import * as en from './generated/locales/en.js';

/** A language the widget speaks: Dutch (the source) or English. */
export type WidgetLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** Target locales' messages of the first view, bundled: the first view in English needs no request. */
const bundled = new Map([['en', en]]);

/** Messages beyond the first view's, of code loaded on demand: each target locale's module of them. */
export type MessagePart = ReadonlyMap<string, () => Promise<{ templates: object }>>;

/** The rest of each target locale's messages, for the elements loaded on demand. */
const more: MessagePart = new Map([['en', () => import('./generated/locales/en-more.js')]]);

/** The parts code on the page needs: from then on a language comes with them. */
const needed = new Set<MessagePart>();
/** Target locales asked for so far, and each part's completion of one, by its loader, once started. */
const asked = new Set<string>();
const completions = new Map<() => Promise<unknown>, Promise<void>>();

let localization: ReturnType<typeof configureLocalization> | undefined;

/** Adds `part` of `locale`'s messages to its bundled ones, once. */
function complete(locale: string, part: MessagePart): Promise<void> {
  const load = part.get(locale)!;
  let completion = completions.get(load);
  if (!completion) {
    // @lit/localize looks each message up in this object when it renders, so adding to it is enough.
    completion = load().then(({ templates }) => void Object.assign(bundled.get(locale)!.templates, templates));
    completions.set(load, completion);
  }
  return completion;
}

/** A target locale's messages, completed with every part that code on the page needs. */
async function messages(locale: string) {
  asked.add(locale);
  for (const part of needed) await complete(locale, part);
  return bundled.get(locale)!;
}

/** Configured on first use rather than at import, so importing a component has no side effects. */
function active() {
  localization ??= configureLocalization({ sourceLocale, targetLocales, loadLocale: messages });
  return localization;
}

/**
 * Makes sure the page's language has `part` of its messages, by default the rest of them after the
 * first view's: elements loaded on demand wait for this before they are defined, other code loaded
 * on demand for its own part. Costs a request only on a page in another language than Dutch.
 */
export async function needMessages(part: MessagePart = more): Promise<void> {
  needed.add(part);
  // Every language asked for, including one still loading: @lit/localize reports the old one as active meanwhile.
  for (const locale of asked) await complete(locale, part);
}

/** The `lang` that applies to `element`: its own, else the nearest ancestor's across shadow roots, as HTML inherits it. */
function inheritedLang(element: Element): string {
  for (let node: Element | null = element; node; ) {
    const lang = node instanceof HTMLElement ? node.lang : node.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return '';
}

/** The widget language for a language tag: English for `en` and `en-*`, Dutch for everything else. */
export function widgetLocale(tag: string): WidgetLocale {
  return /^en(-|$)/i.test(tag) ? 'en' : 'nl';
}

/** The tag to format dates and numbers with: the page's own (e.g. `en-GB`) when valid and of the widget's language. */
function intlLocale(tag: string, locale: WidgetLocale): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && widgetLocale(canonical) === locale ? canonical : locale;
  } catch {
    // An invalid lang attribute in the host page must not break the widget.
    return locale;
  }
}

/** Formats a number with the tag `intl` (e.g. `nl`, `en-GB`): `1.234` in Dutch. */
export function formatNumber(value: number, intl: string): string {
  // Below 1,000 every language the widget speaks writes a whole number as plain digits: no formatter needed.
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return formatter(`n ${intl}`, () => new Intl.NumberFormat(intl)).format(value);
}

/** The language whose messages `msg()` gives now: while another one loads, still the one before. */
export function messageLocale(): string {
  return active().getLocale();
}

/**
 * Switches the page's widget language to `element`'s (as its `LocaleController` would when it
 * connects) and resolves, once that language's messages are there, to the tag its numbers are
 * formatted with: for code that shows an element's content before the element is defined.
 */
export async function speakAs(element: Element): Promise<string> {
  const tag = inheritedLang(element);
  const locale = widgetLocale(tag);
  await active().setLocale(locale);
  return intlLocale(tag, locale);
}

type Host = ReactiveControllerHost & HTMLElement;

/** Intl formatters by kind and locale: creating one costs milliseconds on a slow phone, so each is made once per page. */
const formatters = new Map<string, { format(value: never): string }>();

/** The formatter made once per page under `key`. */
export function formatter<F extends { format(value: never): string }>(key: string, create: () => F): F {
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = create()));
  return found;
}

/**
 * Picks an element's language — its `lang`, else an ancestor's (up to `<html lang>`), else Dutch —
 * and formats dates and numbers in it. The language is read when the element connects and when
 * it updates; a later change to an ancestor's `lang` alone is not noticed.
 *
 * @lit/localize keeps one active language per page, so the widget speaks one language per page:
 * when elements ask for different ones, the element connected (or changed) last decides.
 */
export class LocaleController implements ReactiveController {
  private tag?: string;
  private locale: WidgetLocale = sourceLocale;
  private intlTag?: string;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.tag = undefined;
    this.check();
  }

  hostUpdate(): void {
    this.check();
  }

  /** The tag dates and numbers are formatted with, e.g. `nl` or `en-GB`; worked out on first use. */
  get intl(): string {
    return (this.intlTag ??= intlLocale(this.tag ?? '', this.locale));
  }

  /** Formats a number, e.g. `1.234` in Dutch. */
  number(value: number): string {
    return formatNumber(value, this.intl);
  }

  /** Switches the page's widget language only when this element's `lang` changed, so elements never take turns. */
  private check(): void {
    // An element that left the page (a view the plein replaced) inherits no lang, which would read as Dutch.
    if (!this.host.isConnected) return;
    const tag = inheritedLang(this.host);
    if (tag === this.tag) return;
    this.tag = tag;
    this.locale = widgetLocale(tag);
    this.intlTag = undefined;
    // Asked even when active: it also overrides a switch to another language still loading.
    void active().setLocale(this.locale);
    this.host.requestUpdate();
  }
}
