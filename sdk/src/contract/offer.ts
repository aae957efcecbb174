import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';
import { OrganisationRef } from './organisation.js';

/** What a professional offers an initiative. */
export const HelpOfferKind = z.enum([
  'information-technical',
  'information-financial',
  'information-spatial',
  'information-legal',
  /** A referral to the right official. */
  'referral',
  'similar-initiatives',
  'meeting-space',
  'coffee',
  'project-leader',
  /** Joining the initiative; takes effect only when the owner accepts. */
  'join',
  'funding',
  'other',
]);
export type HelpOfferKind = z.infer<typeof HelpOfferKind>;

/**
 * Where an offer stands: `offered` → `accepted` or `declined` (by the owner), `withdrawn`
 * (by the professional, from offered or accepted), `fulfilled` (by the professional, from accepted).
 */
export const HelpOfferStatus = z.enum(['offered', 'accepted', 'declined', 'withdrawn', 'fulfilled']);
export type HelpOfferStatus = z.infer<typeof HelpOfferStatus>;

/** The professional behind an offer, with the badge the neighbourhood sees. */
export const ProfessionalRef = z
  .object({ id: Id, displayName: z.string(), jobTitle: z.string().nullable() })
  .meta({ id: 'ProfessionalRef' });
export type ProfessionalRef = z.infer<typeof ProfessionalRef>;

/** Help a professional offered an initiative; public, with the organisation shown. */
export const HelpOffer = z
  .object({
    id: Id,
    initiativeId: Id,
    kind: HelpOfferKind,
    message: z.string(),
    status: HelpOfferStatus,
    professional: ProfessionalRef,
    organisation: OrganisationRef,
    createdAt: Timestamp,
    /** When the owner accepted or declined; null until then. */
    respondedAt: Timestamp.nullable(),
    fulfilledAt: Timestamp.nullable(),
  })
  .meta({ id: 'HelpOffer' });
export type HelpOffer = z.infer<typeof HelpOffer>;

/** One page of an initiative's offers, newest first. */
export const HelpOfferPage = page(HelpOffer).meta({ id: 'HelpOfferPage' });
export type HelpOfferPage = z.infer<typeof HelpOfferPage>;

/** Body of `POST /v1/sites/:site/initiatives/:id/offers`. */
export const CreateHelpOfferRequest = z
  .strictObject({ kind: HelpOfferKind, message: z.string().trim().min(1).max(2000) })
  .meta({ id: 'CreateHelpOfferRequest' });
export type CreateHelpOfferRequest = z.infer<typeof CreateHelpOfferRequest>;

/** Paging of `GET /v1/sites/:site/initiatives/:id/offers`. */
export const HelpOfferListQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export type HelpOfferListQuery = z.infer<typeof HelpOfferListQuery>;
