import type { InitiativeNeed } from '@buurtplein/sdk/contract';
import { ROUTE_PARAM, routeHref } from '../../deep-link.js';
import { INITIATIVE_NEEDS } from '../../labels/initiative-need.js';

/**
 * The plein's "Zoekt hulp" filter in the host page's URL: `?buurt=hulp` lists the initiatives that
 * ask for any help, `?buurt=hulp/<need>` those that ask for one kind, named in Dutch as the URL is
 * the host's. It lives here, not in `deep-link.ts`, because only the plein uses it and the
 * first view's bytes are spent.
 *
 * @example
 * helpHref('funding', 'https://gemeente.nl/buurt?tab=2') // → 'https://gemeente.nl/buurt?tab=2&buurt=hulp/geld'
 */

/** What the filter asks the API for: `''` no filter, `any` any need, or one need. */
export type HelpFilter = '' | 'any' | InitiativeNeed;

const HELP = 'hulp';
/** The Dutch names of the needs in URLs, in the order of `INITIATIVE_NEEDS`. */
const NEED_SLUGS = ['vrijwilligers', 'geld', 'vergunning', 'ruimte', 'expertise', 'materialen', 'anders'];

/** The filter a URL asks for; anything else is no filter. */
export function helpFrom(url: string | URL): HelpFilter {
  const [view, slug] = (new URL(url).searchParams.get(ROUTE_PARAM) ?? '').split('/');
  if (view !== HELP) return '';
  return slug === undefined ? 'any' : (INITIATIVE_NEEDS[NEED_SLUGS.indexOf(slug)] ?? '');
}

/** `current` showing the list with `filter`; the host's parameters are kept byte for byte. */
export function helpHref(filter: HelpFilter, current: string | URL = location.href): string {
  const url = new URL(routeHref({ view: 'list' }, current));
  if (filter) {
    const value = filter === 'any' ? HELP : `${HELP}/${NEED_SLUGS[INITIATIVE_NEEDS.indexOf(filter)]}`;
    url.search += `${url.search ? '&' : ''}${ROUTE_PARAM}=${value}`;
  }
  return url.href;
}
