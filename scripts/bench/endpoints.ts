// The endpoints a first view and its follow-ups hit: what the bench loads and inspects.

/** One endpoint of one site. */
export interface Endpoint {
  name: string;
  path: string;
  /** Request headers, e.g. to go past the edge cache. */
  headers?: Record<string, string>;
}

/**
 * The same request with an `Authorization` header, which the edge cache never answers: what a
 * cache miss (or a signed-in reader) costs. The token is malformed, so no signature is checked.
 */
export function uncached(endpoint: Endpoint): Endpoint {
  return { name: `${endpoint.name} (no cache)`, path: endpoint.path, headers: { ...endpoint.headers, Authorization: 'Bearer none' } };
}

/** The term for `q=`; it matches the demo data's garden initiatives. */
export const SEARCH_TERM = 'tuin';

/** The database-free baseline every throughput figure is divided by. */
export const HEALTH: Endpoint = { name: 'health', path: '/v1/health' };

/** The hot endpoints of `site`; `initiativeId` is one the site shows. */
export function hotEndpoints(site: string, initiativeId: string): Endpoint[] {
  const base = `/v1/sites/${site}`;
  return [
    { name: 'bootstrap', path: `${base}/bootstrap` },
    { name: 'list', path: `${base}/initiatives` },
    { name: 'list q=', path: `${base}/initiatives?q=${SEARCH_TERM}` },
    { name: 'detail', path: `${base}/initiatives/${initiativeId}` },
  ];
}

/** Whether the worker at `baseUrl` serves `endpoint` yet (a route still to be built answers 4xx). */
export async function isServed(baseUrl: string, endpoint: Endpoint): Promise<boolean> {
  const response = await fetch(baseUrl + endpoint.path, { headers: endpoint.headers });
  await response.arrayBuffer();
  return response.status === 200;
}
