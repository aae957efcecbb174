import { API_VERSION, type Health } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

/** `/v1/health`: answers without touching the database, for load balancers and benchmarks. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => {
  const body: Health = { status: 'ok', version: API_VERSION };
  c.header('Access-Control-Allow-Origin', '*');
  return c.json(body, 200);
});
