import { z } from 'zod';
import { CbsCode, Cursor, Id, Limit, Timestamp, page } from './common.js';
import { NeighbourhoodRef } from './neighbourhood.js';

/** Where an initiative is in its life; only organisers move it. */
export const InitiativeStatus = z.enum(['idea', 'gathering', 'planning', 'active', 'completed', 'paused', 'archived']);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

/** What an initiative is about. */
export const InitiativeTheme = z.enum([
  'green',
  'play',
  'meeting',
  'sustainability',
  'safety',
  'culture',
  'care',
  'sport',
  'traffic',
  'housing',
]);
export type InitiativeTheme = z.infer<typeof InitiativeTheme>;

/** What an initiative still needs from neighbours or professionals. */
export const InitiativeNeed = z.enum(['volunteers', 'funding', 'permit', 'space', 'expertise', 'materials', 'other']);
export type InitiativeNeed = z.infer<typeof InitiativeNeed>;

/** An initiative as it appears in a list. */
export const InitiativeSummary = z
  .object({
    id: Id,
    title: z.string(),
    summary: z.string(),
    status: InitiativeStatus,
    neighbourhood: NeighbourhoodRef,
    themes: z.array(InitiativeTheme),
    needs: z.array(InitiativeNeed),
    supporterCount: z.number().int().nonnegative(),
    memberCount: z.number().int().nonnegative(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'InitiativeSummary' });
export type InitiativeSummary = z.infer<typeof InitiativeSummary>;

/** An initiative with everything its own page shows. */
export const InitiativeDetail = InitiativeSummary.extend({
  body: z.string(),
  owner: z.object({ id: Id, displayName: z.string() }),
}).meta({ id: 'InitiativeDetail' });
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;

/** One page of initiatives. */
export const InitiativePage = page(InitiativeSummary).meta({ id: 'InitiativePage' });
export type InitiativePage = z.infer<typeof InitiativePage>;

/** Filters and paging of `GET /v1/sites/:site/initiatives`. */
export const InitiativeListQuery = z.strictObject({
  /** A neighbourhood by id or CBS code. */
  neighbourhood: z.union([Id, CbsCode]).optional(),
  status: InitiativeStatus.optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;
export type InitiativeListParams = z.input<typeof InitiativeListQuery>;
