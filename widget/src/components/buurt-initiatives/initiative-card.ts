import { msg } from '@lit/localize';
import type { InitiativeSummary } from '@buurtplein/sdk/contract';
import { routeHref } from '../../deep-link.js';
import { supportersLabel } from '../../labels/initiative-counts.js';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import { formatNumber, messageLocale } from '../../locale.js';

/**
 * Cards shown at first, and as skeleton cards while loading: "Meer tonen" reveals the rest of the
 * page already loaded. Six fill a first screen and keep the first render well under a long task.
 */
export const FIRST_CARDS = 6;

/** An element with `attributes` and `children` (text is set as text, never as HTML). */
export function element(tag: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/** A label only screen readers read, before what it names. */
const hidden = (text: string) => element('span', { class: 'visually-hidden' }, text);

/** Each initiative's card as last built, and for which language: the same card is shown again rather than built again. */
const built = new WeakMap<InitiativeSummary, { language: string; card: HTMLLIElement }>();

/**
 * One initiative's card in a list: title (a link to its deep link on this page), status,
 * neighbourhood, summary and how many neighbours support it, in the page's language (`intl` is
 * the tag numbers are formatted with, e.g. `nl` or `en-GB`).
 *
 * Plain DOM rather than a Lit template, so the script tag can show a first view's cards before
 * Lit has loaded (src/paint.ts), and the list hands the same cards to Lit when it takes over
 * (a Lit template renders a node as it is). A card is built once per initiative and language;
 * its link is brought up to date with the page's address each time it is shown.
 */
export function initiativeCard(initiative: InitiativeSummary, intl: string): HTMLLIElement {
  const language = `${messageLocale()} ${intl}`;
  const href = routeHref({ view: 'initiative', id: initiative.id });
  const known = built.get(initiative);
  if (known?.language === language) {
    known.card.querySelector('a')!.href = href;
    return known.card;
  }
  const count = initiative.supporterCount;
  const card = element(
    'li',
    { part: 'card', class: 'card' },
    element('h3', { part: 'title', class: 'title' }, element('a', { part: 'link', href }, initiative.title)),
    element(
      'p',
      { class: 'facts' },
      element('span', { part: `status status-${initiative.status}`, class: 'status' }, hidden(msg('Status:', { id: 'label-status-colon' })), ` ${initiativeStatusLabel(initiative.status)}`),
      ' ',
      element('span', { part: 'neighbourhood' }, hidden(msg('Buurt:', { id: 'label-neighbourhood-colon' })), ` ${initiative.neighbourhood.name}`),
    ),
    element('p', { part: 'summary', class: 'summary' }, initiative.summary),
    element('p', { part: 'supporters', class: 'supporters' }, supportersLabel(count, formatNumber(count, intl))),
  ) as HTMLLIElement;
  built.set(initiative, { language, card });
  return card;
}
