/** The filters of an initiatives list as attributes give them: strings, possibly missing. */
export interface ListFilters {
  neighbourhood?: string | null | undefined;
  status?: string | null | undefined;
  /** A need, or `any`: only initiatives asking for help. */
  needs?: string | null | undefined;
  limit?: number | string | null | undefined;
}

/** The filters an initiatives list's attributes give (none for no element). */
export function filtersOf(list: Element | null): ListFilters {
  return Object.fromEntries(['neighbourhood', 'status', 'needs', 'limit'].map((name) => [name, list?.getAttribute(name)]));
}

/** The query an initiatives list sends: empty filters left out, the page size an integer from 1 to 50. */
export interface ListQuery {
  neighbourhood?: string;
  status?: string;
  needs?: string;
  limit: number;
}

/** The page size when none (or no valid one) is given; the API's own default. */
export const DEFAULT_LIMIT = 20;

/** Normalises list filters the same way wherever they are read, so equal filters make equal requests. */
export function listQuery(filters: ListFilters): ListQuery {
  const limit = Math.trunc(Number(filters.limit ?? DEFAULT_LIMIT));
  const query: ListQuery = { limit: limit >= 1 ? Math.min(limit, 50) : DEFAULT_LIMIT };
  for (const key of ['neighbourhood', 'status', 'needs'] as const) if (filters[key]) query[key] = filters[key];
  return query;
}

/**
 * The URL of the first-view request (`GET /v1/sites/:site/bootstrap`). The loader and the
 * elements both build it here: an element recognises the loader's request by this string.
 */
export function bootstrapUrl(api: string, site: string, filters: ListFilters): string {
  // `listQuery` adds only the filters given, in one order: neighbourhood, status, needs.
  const { limit, ...given } = listQuery(filters);
  const params = new URLSearchParams(given);
  // The API's default page size is left out, so the URL matches the snippet's preload hint.
  if (limit !== DEFAULT_LIMIT) params.set('limit', String(limit));
  const search = params.size ? `?${params}` : '';
  return `${api.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(site)}/bootstrap${search}`;
}
