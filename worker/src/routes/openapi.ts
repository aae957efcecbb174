import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { openApiDocument } from '../openapi/document.js';
import { operations } from '../openapi/operations.js';

let cached: { origin: string; body: object } | undefined;

/** `/v1/openapi.json`: the OpenAPI 3.1 description, generated from the contract's schemas. */
export const openApiRoutes = new Hono<AppEnv>().get('/', (c) => {
  const origin = new URL(c.req.url).origin;
  if (cached?.origin !== origin) cached = { origin, body: openApiDocument(operations, `${origin}/v1`) };
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(cached.body, 200);
});
