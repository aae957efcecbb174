import { InitiativeListQuery } from '@buurtplein/sdk/contract';
import type { InitiativeFilter } from '../data/initiatives.js';
import { searchMatch } from '../data/fts-query.js';
import type { SiteRecord } from '../data/sites.js';
import { newId } from '../db/ids.js';
import { decodeCursor } from '../http/cursor.js';
import { decodeSearchCursor } from '../http/search-cursor.js';
import { parseInput } from '../http/validate.js';
import { neighbourhoodsFilter } from './neighbourhood-filter.js';

/** The highest id that can have been made by `now`: the snapshot bound of a search's first page. */
function lastIdAt(now: number): string {
  return `${newId(now).slice(0, 10)}${'z'.repeat(16)}`;
}

/**
 * Reads the list filters from a query string and checks them against the site: neighbourhoods
 * (one, or several separated by commas) may be named by id or CBS code, and must be ones the site
 * shows. With `q` the list is a ranked search whose cursor carries the offset and the snapshot it
 * pages.
 */
export function initiativeFilter(site: SiteRecord, query: Record<string, string>, now = Date.now()): InitiativeFilter {
  const { neighbourhood, status, theme, needs, q, cursor, limit } = parseInput(InitiativeListQuery, query);
  const neighbourhoodIds = neighbourhoodsFilter(site, neighbourhood);
  const filter: InitiativeFilter = { neighbourhoodIds, status, theme, needs, limit };
  if (q !== undefined && q.trim() !== '') {
    const position = cursor === undefined ? { offset: 0, upToId: lastIdAt(now) } : decodeSearchCursor(cursor);
    return { ...filter, search: { match: searchMatch(q), ...position } };
  }
  return { ...filter, afterId: cursor === undefined ? undefined : decodeCursor(cursor) };
}
