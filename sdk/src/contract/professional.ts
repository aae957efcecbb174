import { z } from 'zod';
import { CbsCode, Cursor, Id, Limit, page } from './common.js';
import { NeighbourhoodRef } from './neighbourhood.js';
import { OrganisationRef } from './organisation.js';

/** A professional who can help, as the directory shows them. */
export const Professional = z
  .object({
    id: Id,
    displayName: z.string(),
    jobTitle: z.string(),
    organisation: OrganisationRef,
    /** Areas of expertise in the organisation's own words, such as "vergunningen". */
    expertise: z.array(z.string()),
    /** The neighbourhoods they serve, of those the site shows. */
    neighbourhoods: z.array(NeighbourhoodRef),
    bio: z.string(),
  })
  .meta({ id: 'Professional' });
export type Professional = z.infer<typeof Professional>;

/** One page of professionals, by name. */
export const ProfessionalPage = page(Professional).meta({ id: 'ProfessionalPage' });
export type ProfessionalPage = z.infer<typeof ProfessionalPage>;

/** Filters and paging of `GET /v1/sites/:site/professionals`. */
export const ProfessionalListQuery = z.strictObject({
  /** An area of expertise, matched whole and regardless of case. */
  expertise: z.string().trim().min(1).max(80).optional(),
  /** A neighbourhood by id or CBS code: professionals who serve it. */
  neighbourhood: z.union([Id, CbsCode]).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type ProfessionalListQuery = z.infer<typeof ProfessionalListQuery>;
export type ProfessionalListParams = z.input<typeof ProfessionalListQuery>;
