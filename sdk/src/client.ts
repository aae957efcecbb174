import { createTransport, type TransportOptions } from './http.js';
import { initiativesResource } from './resources/initiatives.js';
import { neighbourhoodsResource, sitesResource } from './resources/sites.js';

/** Options of `createClient`. */
export interface ClientOptions extends TransportOptions {}

/**
 * A typed client for one site of the Buurtplein API.
 *
 * @example
 * const client = createClient({ site: 'gemeente-voorbeeldstad', baseUrl: 'http://127.0.0.1:8787' });
 * for await (const initiative of client.initiatives.all({ status: 'gathering' })) console.log(initiative.title);
 */
export function createClient(options: ClientOptions) {
  const transport = createTransport(options);
  return {
    sites: sitesResource(transport),
    neighbourhoods: neighbourhoodsResource(transport),
    initiatives: initiativesResource(transport),
  };
}

/** A client made by `createClient`. */
export type BuurtClient = ReturnType<typeof createClient>;
