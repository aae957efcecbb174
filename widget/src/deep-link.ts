/**
 * The widget's place in the host page's URL: one query parameter, `?buurt=…`, next to the host's
 * own. Everything else in the URL (other parameters, their encoding, the hash) stays as it is.
 *
 * @example
 * routeHref({ view: 'initiative', id: 'abc123' }, 'https://gemeente.nl/buurt?tab=2#kaart')
 * // → 'https://gemeente.nl/buurt?tab=2&buurt=initiatief/abc123#kaart'
 */

/** The query parameter the widget owns. */
export const ROUTE_PARAM = 'buurt';

/** What `<buurt-plein>` shows: the list, one initiative, the start form, or the sign-in screens. */
export type Route = { view: 'list' } | { view: 'initiative'; id: string } | { view: 'start' } | { view: 'sign-in' };

const INITIATIVE = 'initiatief/';
/** The parameter's value for each view without an id (Dutch, as the URL is the host's). */
const VIEWS = { start: 'starten', 'sign-in': 'inloggen' } as const;

/** The route a URL asks for; anything unknown is the list. */
export function routeFrom(url: string | URL): Route {
  const value = new URL(url).searchParams.get(ROUTE_PARAM) ?? '';
  const id = value.startsWith(INITIATIVE) ? value.slice(INITIATIVE.length) : '';
  if (id) return { view: 'initiative', id };
  const view = (Object.keys(VIEWS) as (keyof typeof VIEWS)[]).find((key) => VIEWS[key] === value);
  return view ? { view } : { view: 'list' };
}

/** `current` with the widget's parameter set for `route` (or removed for the list); the host's parameters are kept byte for byte. */
export function routeHref(route: Route, current: string | URL = location.href): string {
  const url = new URL(current);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' ')) !== ROUTE_PARAM);
  if (route.view === 'initiative') kept.push(`${ROUTE_PARAM}=${INITIATIVE}${encodeURIComponent(route.id)}`);
  else if (route.view !== 'list') kept.push(`${ROUTE_PARAM}=${VIEWS[route.view]}`);
  url.search = kept.join('&');
  return url.href;
}
