import { InitiativeListQuery } from '@buurtplein/sdk/contract';
import type { InitiativeFilter } from '../data/initiatives.js';
import type { SiteRecord } from '../data/sites.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';

/**
 * Reads the list filters from a query string and checks them against the site: a neighbourhood
 * may be named by id or CBS code, and must be one the site shows.
 */
export function initiativeFilter(site: SiteRecord, query: Record<string, string>): InitiativeFilter {
  const { neighbourhood, status, cursor, limit } = parseInput(InitiativeListQuery, query);
  let neighbourhoodId: string | undefined;
  if (neighbourhood !== undefined) {
    const match = site.neighbourhoods.find((n) => n.id === neighbourhood || n.cbsCode === neighbourhood);
    if (!match) throw new ApiError('not-found', `Deze site toont geen buurt "${neighbourhood}".`);
    neighbourhoodId = match.id;
  }
  return { neighbourhoodId, status, limit, afterId: cursor === undefined ? undefined : decodeCursor(cursor) };
}
