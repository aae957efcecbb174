import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../db/schema.js';

/** Opens the data layer over a D1 binding. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}

/** The data layer's handle on D1. */
export type Database = ReturnType<typeof database>;

/** What a site lets a request see: its network and the neighbourhoods it shows. */
export interface SiteScope {
  networkId: string;
  neighbourhoodIds: readonly string[];
}
