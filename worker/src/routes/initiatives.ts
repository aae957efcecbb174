import { Id } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { database } from '../data/database.js';
import { getInitiative, listInitiatives } from '../data/initiatives.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { initiativeFilter } from './initiative-filter.js';

/** `/v1/sites/:site/initiatives`: the initiatives in the site's neighbourhoods. */
export const initiativesRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const site = c.get('site');
    const page = await listInitiatives(database(c.env.DB), site, initiativeFilter(site, c.req.query()));
    return c.json(page, 200);
  })
  .get('/:id', async (c) => {
    const id = c.req.param('id');
    const initiative = Id.safeParse(id).success ? await getInitiative(database(c.env.DB), c.get('site'), id) : null;
    if (!initiative) throw new ApiError('not-found', `Dit initiatief bestaat niet op deze site.`);
    return c.json(initiative, 200);
  });
