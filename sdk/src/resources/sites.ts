import type { Bootstrap, InitiativeListParams, Neighbourhood, Page, Site } from '../contract/index.js';
import type { Transport } from '../http.js';

/** The site the client was created for: its configuration and the first view. */
export function sitesResource(transport: Transport) {
  return {
    /** The site's configuration: name, network, theme, locales, neighbourhoods. */
    get: () => transport.get<Site>(''),
    /** The site's configuration plus the first page of initiatives, in one request. */
    bootstrap: (params: InitiativeListParams = {}) => transport.get<Bootstrap>('/bootstrap', params),
  };
}

/** The neighbourhoods the site shows. */
export function neighbourhoodsResource(transport: Transport) {
  return {
    /** Every neighbourhood the site covers. */
    list: () => transport.get<Page<Neighbourhood>>('/neighbourhoods'),
  };
}
