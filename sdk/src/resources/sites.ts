import type { Bootstrap, InitiativeListParams, Neighbourhood, NeighbourhoodListParams, Page, Site } from '../contract/index.js';
import type { ReadOptions, Transport } from '../http.js';
import { paginate } from '../pagination.js';

/** The site the client was created for: its configuration and the first view. */
export function sitesResource(transport: Transport) {
  return {
    /** The site's configuration: name, network, theme, locales, neighbourhoods. */
    get: (options: ReadOptions = {}) => transport.request<Site>({ method: 'GET', path: '', ...options }),
    /** The site's configuration plus the first page of initiatives, in one request. */
    bootstrap: (params: InitiativeListParams = {}, options: ReadOptions = {}) =>
      transport.request<Bootstrap>({ method: 'GET', path: '/bootstrap', query: params, ...options }),
  };
}

/** The neighbourhoods the site shows. */
export function neighbourhoodsResource(transport: Transport) {
  const list = (params: NeighbourhoodListParams = {}, options: ReadOptions = {}) =>
    transport.request<Page<Neighbourhood>>({ method: 'GET', path: '/neighbourhoods', query: params, ...options });
  return {
    /** The neighbourhoods the site covers, in the site's order; `postcode` (four digits) finds the one a postcode area lies in. */
    list,
    /** Every neighbourhood, page after page. */
    all: (params: NeighbourhoodListParams = {}) => paginate(list, params),
  };
}
