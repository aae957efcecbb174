import { z } from 'zod';
import { Cursor, Id, Limit, Timestamp, page } from './common.js';
import { MAX_FILTER_NEIGHBOURHOODS, NeighbourhoodRef, NeighbourhoodRefs } from './neighbourhood.js';

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

/** One page of initiatives. */
export const InitiativePage = page(InitiativeSummary).meta({ id: 'InitiativePage' });
export type InitiativePage = z.infer<typeof InitiativePage>;

/**
 * Filters and paging of `GET /v1/sites/:site/initiatives`. Without `q` the list is newest
 * first; with `q` it is ranked by relevance (bm25 over title, summary and body) and the cursor
 * pages a snapshot: initiatives started after the first page stay out of later pages.
 */
export const InitiativeListQuery = z.strictObject({
  neighbourhood: NeighbourhoodRefs.optional().describe(
    `Only initiatives in this neighbourhood, by id or CBS code, or in any of up to ${MAX_FILTER_NEIGHBOURHOODS} of them separated by commas (\`BU05990101,BU05990102\`).`,
  ),
  status: InitiativeStatus.optional(),
  theme: InitiativeTheme.optional().describe('Only initiatives with this theme.'),
  needs: z
    .union([InitiativeNeed, z.literal('any')])
    .optional()
    .describe('Only initiatives that need this; `any` for every initiative that asks for help.'),
  q: z.string().max(200).optional().describe('Words to search for; every word must occur, the last one may be the start of a word.'),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type InitiativeListQuery = z.infer<typeof InitiativeListQuery>;
export type InitiativeListParams = z.input<typeof InitiativeListQuery>;
