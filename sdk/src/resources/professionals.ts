import type { ProfessionalListParams, ProfessionalPage } from '../contract/index.js';
import type { ReadOptions, Transport } from '../http.js';
import { paginate } from '../pagination.js';

/** The directory of professionals who can help in the site's neighbourhoods. */
export function professionalsResource(transport: Transport) {
  const list = (params: ProfessionalListParams = {}, options: ReadOptions = {}) =>
    transport.request<ProfessionalPage>({ method: 'GET', path: '/professionals', query: params, ...options });
  return {
    /** One page of professionals, by name; filter by expertise or neighbourhood. */
    list,
    /** Every professional matching the filters, page after page. */
    all: (params: ProfessionalListParams = {}) => paginate(list, params),
  };
}
