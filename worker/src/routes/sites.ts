import type { Bootstrap, Page, Neighbourhood } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { database } from '../data/database.js';
import { listInitiatives } from '../data/initiatives.js';
import { toSite } from '../data/sites.js';
import type { AppEnv } from '../env.js';
import { initiativeFilter } from './initiative-filter.js';

/** `/v1/sites/:site`: the site's configuration, its first view and its neighbourhoods. */
export const sitesRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(toSite(c.get('site')), 200))
  .get('/bootstrap', async (c) => {
    const site = c.get('site');
    const filter = initiativeFilter(site, c.req.query());
    const body: Bootstrap = { site: toSite(site), initiatives: await listInitiatives(database(c.env.DB), site, filter) };
    return c.json(body, 200);
  })
  .get('/neighbourhoods', (c) => {
    const body: Page<Neighbourhood> = { data: c.get('site').neighbourhoods, nextCursor: null };
    return c.json(body, 200);
  });
