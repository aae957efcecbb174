import { z } from 'zod';
import { CbsCode, Cursor, Id, Limit } from './common.js';

/** A neighbourhood of the network, shown on a site when the site covers it. */
export const Neighbourhood = z
  .object({
    id: Id,
    name: z.string(),
    cbsCode: CbsCode.nullable(),
    postcodes: z.array(z.string().regex(/^\d{4}$/)),
  })
  .meta({ id: 'Neighbourhood' });
export type Neighbourhood = z.infer<typeof Neighbourhood>;

/** The short form of a neighbourhood embedded in other resources. */
export const NeighbourhoodRef = z.object({ id: Id, name: z.string() }).meta({ id: 'NeighbourhoodRef' });
export type NeighbourhoodRef = z.infer<typeof NeighbourhoodRef>;

/** How many neighbourhoods one list filter may name. */
export const MAX_FILTER_NEIGHBOURHOODS = 20;

/**
 * A list filter's neighbourhoods: one by id or CBS code, or several separated by commas (at most
 * `MAX_FILTER_NEIGHBOURHOODS`), such as a professional's served neighbourhoods; parsed into the list.
 */
export const NeighbourhoodRefs = z
  .string()
  .regex(/^[0-9A-Za-z]+(,[0-9A-Za-z]+)*$/, 'buurten gescheiden door komma’s')
  .transform((value) => value.split(','))
  .pipe(z.array(z.union([Id, CbsCode])).max(MAX_FILTER_NEIGHBOURHOODS));

/** A Dutch postcode area: the four digits of a postcode. */
export const Postcode4 = z.string().regex(/^\d{4}$/, 'vier cijfers, zoals 3013');

/** Filters and paging of `GET /v1/sites/:site/neighbourhoods`. */
export const NeighbourhoodListQuery = z.strictObject({
  /** Only the neighbourhood(s) this postcode area lies in. */
  postcode: Postcode4.optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export type NeighbourhoodListQuery = z.infer<typeof NeighbourhoodListQuery>;
export type NeighbourhoodListParams = z.input<typeof NeighbourhoodListQuery>;
