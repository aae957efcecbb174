import { z } from 'zod';
import { CbsCode, Id } from './common.js';

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
