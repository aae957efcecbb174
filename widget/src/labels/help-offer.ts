import { msg } from '@lit/localize';
import type { HelpOfferKind, HelpOfferStatus, OrganisationKind } from '@buurtplein/sdk/contract';

/** Every kind of help, in the order the offer form lists them (checked complete against the contract). */
export const HELP_OFFER_KINDS = Object.keys({
  'information-technical': 0,
  'information-financial': 0,
  'information-spatial': 0,
  'information-legal': 0,
  referral: 0,
  'similar-initiatives': 0,
  'meeting-space': 0,
  coffee: 0,
  'project-leader': 0,
  join: 0,
  funding: 0,
  other: 0,
} satisfies Record<HelpOfferKind, 0>) as HelpOfferKind[];

/** What a professional offers, in the current locale. */
export function helpOfferKindLabel(kind: HelpOfferKind): string {
  switch (kind) {
    case 'information-technical':
      return msg('Technische informatie', { id: 'offer-kind-technical' });
    case 'information-financial':
      return msg('Informatie over geld en subsidie', { id: 'offer-kind-financial' });
    case 'information-spatial':
      return msg('Informatie over de openbare ruimte', { id: 'offer-kind-spatial' });
    case 'information-legal':
      return msg('Informatie over regels en vergunningen', { id: 'offer-kind-legal' });
    case 'referral':
      return msg('Contact met de juiste ambtenaar', { id: 'offer-kind-referral' });
    case 'similar-initiatives':
      return msg('Vergelijkbare initiatieven', { id: 'offer-kind-similar' });
    case 'meeting-space':
      return msg('Een ruimte om samen te komen', { id: 'offer-kind-space' });
    case 'coffee':
      return msg('Koffie en thee', { id: 'offer-kind-coffee' });
    case 'project-leader':
      return msg('Een projectleider', { id: 'offer-kind-project-leader' });
    case 'join':
      return msg('Meedoen met het initiatief', { id: 'offer-kind-join' });
    case 'funding':
      return msg('Geld', { id: 'offer-kind-funding' });
    default:
      return msg('Iets anders', { id: 'offer-kind-other' });
  }
}

/** Where an offer stands, in the current locale. */
export function helpOfferStatusLabel(status: HelpOfferStatus): string {
  switch (status) {
    case 'offered':
      return msg('Aangeboden', { id: 'offer-status-offered' });
    case 'accepted':
      return msg('Aangenomen', { id: 'offer-status-accepted' });
    case 'declined':
      return msg('Afgeslagen', { id: 'offer-status-declined' });
    case 'withdrawn':
      return msg('Ingetrokken', { id: 'offer-status-withdrawn' });
    default:
      return msg('Geleverd', { id: 'offer-status-fulfilled' });
  }
}

/** What kind of partner an organisation is, in the current locale: the professional's badge. */
export function organisationKindLabel(kind: OrganisationKind): string {
  switch (kind) {
    case 'municipality':
      return msg('Gemeente', { id: 'organisation-municipality' });
    case 'housing-corporation':
      return msg('Woningcorporatie', { id: 'organisation-housing' });
    case 'welfare':
      return msg('Welzijn', { id: 'organisation-welfare' });
    default:
      return msg('Partner', { id: 'organisation-other' });
  }
}
