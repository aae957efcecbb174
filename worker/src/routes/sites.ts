import { NeighbourhoodListQuery, type Bootstrap, type Neighbourhood, type Page } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { listInitiatives } from '../data/initiatives.js';
import { toSite } from '../data/sites.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { initiativeFilter } from './initiative-filter.js';

/** `/v1/sites/:site`: the site's configuration, its first view and its neighbourhoods. */
export const sitesRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(toSite(c.get('site')), 200))
  .get('/bootstrap', async (c) => {
    const site = c.get('site');
    const filter = initiativeFilter(site, c.req.query());
    const body: Bootstrap = { site: toSite(site), initiatives: await listInitiatives(c.get('db'), site, filter) };
    return c.json(body, 200);
  })
  .get('/neighbourhoods', (c) => {
    const { postcode, cursor, limit } = parseInput(NeighbourhoodListQuery, c.req.query());
    const shown = c.get('site').neighbourhoods.filter((n) => postcode === undefined || n.postcodes.includes(postcode));
    // The site's own order; a cursor names the last neighbourhood of the previous page.
    let start = 0;
    if (cursor !== undefined) {
      const afterId = decodeCursor(cursor);
      start = shown.findIndex((n) => n.id === afterId) + 1;
      if (start === 0) throw new ApiError('invalid-request', 'cursor: onbekende cursor');
    }
    const data = shown.slice(start, start + limit);
    const last = data.at(-1);
    const body: Page<Neighbourhood> = { data, nextCursor: start + limit < shown.length && last ? encodeCursor(last.id) : null };
    return c.json(body, 200);
  });
