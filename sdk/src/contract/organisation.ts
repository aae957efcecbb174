import { z } from 'zod';
import { Id } from './common.js';

/** What kind of partner an organisation is in the network. */
export const OrganisationKind = z.enum(['municipality', 'housing-corporation', 'welfare', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** The short form of an organisation embedded in other resources, such as a professional's badge. */
export const OrganisationRef = z.object({ id: Id, name: z.string(), kind: OrganisationKind }).meta({ id: 'OrganisationRef' });
export type OrganisationRef = z.infer<typeof OrganisationRef>;
