import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';

/** A progress post by an organiser, part of the initiative's timeline. */
export const InitiativeUpdate = z
  .object({
    id: Id,
    initiativeId: Id,
    author: z.object({ id: Id, displayName: z.string() }),
    body: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'InitiativeUpdate' });
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;

/** One page of updates, newest first. */
export const InitiativeUpdatePage = page(InitiativeUpdate).meta({ id: 'InitiativeUpdatePage' });
export type InitiativeUpdatePage = z.infer<typeof InitiativeUpdatePage>;

/** Body of `POST /v1/sites/:site/initiatives/:id/updates`: plain text. */
export const CreateInitiativeUpdateRequest = z
  .strictObject({ body: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'CreateInitiativeUpdateRequest' });
export type CreateInitiativeUpdateRequest = z.infer<typeof CreateInitiativeUpdateRequest>;

/** Paging of a list without filters. */
export const PageQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export type PageQuery = z.infer<typeof PageQuery>;
