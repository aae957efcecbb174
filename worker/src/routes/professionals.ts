import { ProfessionalListQuery } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { listProfessionals } from '../data/professionals.js';
import type { AppEnv } from '../env.js';
import { decodeCursor } from '../http/cursor.js';
import { parseInput } from '../http/validate.js';
import { neighbourhoodFilter } from './neighbourhood-filter.js';

/** `/v1/sites/:site/professionals`: who can help in the site's neighbourhoods, by expertise and neighbourhood. */
export const professionalsRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const site = c.get('site');
  const { expertise, neighbourhood, cursor, limit } = parseInput(ProfessionalListQuery, c.req.query());
  const neighbourhoodId = neighbourhoodFilter(site, neighbourhood);
  const afterId = cursor === undefined ? undefined : decodeCursor(cursor);
  return c.json(await listProfessionals(c.get('db'), site, { expertise, neighbourhoodId, afterId, limit }), 200);
});
