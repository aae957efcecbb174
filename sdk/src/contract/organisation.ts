import { z } from 'zod';
import { Id } from './common.js';

/** What kind of partner an organisation is in the network. */
export const OrganisationKind = z.enum(['municipality', 'housing-corporation', 'welfare', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** The short form of an organisation embedded in other resources, such as a professional's badge. */
export const OrganisationRef = z.object({ id: Id, name: z.string(), kind: OrganisationKind }).meta({ id: 'OrganisationRef' });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

/** Answer of `GET /v1/sites/:site/admin/organisations`: the network's organisations, by name. */
export const OrganisationList = z.object({ data: z.array(OrganisationRef) }).meta({ id: 'OrganisationList' });
export type OrganisationList = z.infer<typeof OrganisationList>;
