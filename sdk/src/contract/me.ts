import { z } from 'zod';
import { Id } from './common.js';
import { Neighbourhood, NeighbourhoodRef } from './neighbourhood.js';

/**
 * What a user may be in a network: a resident or a professional, and on top of that
 * possibly a moderator and a network admin. Roles are granted inside Buurtplein, never by a host.
 */
export const Role = z.enum(['resident', 'professional', 'moderator', 'network-admin']);
export type Role = z.infer<typeof Role>;

/** The name other people see; pseudonymous. */
export const DisplayName = z.string().trim().min(1).max(80);

/** The signed-in user, as `GET /v1/sites/:site/me` returns it. */
export const Me = z
  .object({
    id: Id,
    displayName: z.string(),
    roles: z.array(Role),
    organisation: z.object({ id: Id, name: z.string() }).nullable(),
    homeNeighbourhood: NeighbourhoodRef.nullable(),
    /**
     * For a professional: the neighbourhoods they serve that this site shows, in the site's order,
     * so a list can show "initiatives that need help in your neighbourhoods". Empty for a resident.
     */
    servedNeighbourhoods: z
      .array(Neighbourhood.pick({ id: true, name: true, cbsCode: true }))
      .optional()
      .describe('A professional’s neighbourhoods that this site shows (empty for a resident); given by `GET /me` and when signing in.'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** Body of `PATCH /v1/sites/:site/me`. */
export const UpdateMeRequest = z.strictObject({ displayName: DisplayName }).meta({ id: 'UpdateMeRequest' });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;
