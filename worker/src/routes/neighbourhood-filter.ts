import { shownNeighbourhood, type SiteRecord } from '../data/sites.js';
import { ApiError } from '../http/api-error.js';

/**
 * The id of the neighbourhood a list filter names (by id or CBS code), or undefined when the
 * filter is absent; `not-found` when the site does not show that neighbourhood.
 */
export function neighbourhoodFilter(site: SiteRecord, ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const match = shownNeighbourhood(site, ref);
  if (!match) throw new ApiError('not-found', `Deze site toont geen buurt "${ref}".`);
  return match.id;
}

/**
 * The ids of the neighbourhoods a list filter names (each by id or CBS code), without repeats, or
 * undefined when the filter is absent; `not-found` for the first the site does not show.
 */
export function neighbourhoodsFilter(site: SiteRecord, refs: readonly string[] | undefined): string[] | undefined {
  if (refs === undefined) return undefined;
  return [...new Set(refs.map((ref) => neighbourhoodFilter(site, ref)!))];
}
