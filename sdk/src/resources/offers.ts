import type { CreateHelpOfferRequest, HelpOffer, HelpOfferPage } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate, type PageParams } from '../pagination.js';
import { path } from '../path.js';

/** Help professionals offer initiatives, and the owner's and professional's answers to it. */
export function offersResource(transport: Transport) {
  const list = (initiativeId: string, params: PageParams = {}, options: ReadOptions = {}) =>
    transport.request<HelpOfferPage>({ method: 'GET', path: path`/initiatives/${initiativeId}/offers`, query: params, ...options });
  const move = (action: 'accept' | 'decline' | 'withdraw' | 'fulfil') => (offerId: string, options: WriteOptions = {}) =>
    transport.request<HelpOffer>({ method: 'POST', path: `${path`/offers/${offerId}`}/${action}`, ...options });
  return {
    /** One page of an initiative's offers, newest first. */
    list,
    /** Every offer to an initiative, page after page. */
    all: (initiativeId: string, params: PageParams = {}) => paginate((p: PageParams) => list(initiativeId, p), params),
    /** Offer help to an initiative (professionals). */
    create: (initiativeId: string, offer: CreateHelpOfferRequest, options: WriteOptions = {}) =>
      transport.request<HelpOffer>({ method: 'POST', path: path`/initiatives/${initiativeId}/offers`, body: offer, ...options }),
    /** The initiative's owner accepts an offer. */
    accept: move('accept'),
    /** The initiative's owner declines an offer. */
    decline: move('decline'),
    /** The professional withdraws their offer. */
    withdraw: move('withdraw'),
    /** The professional marks their accepted offer fulfilled. */
    fulfil: move('fulfil'),
  };
}
