import { createClient, type ClientOptions } from '@buurtplein/sdk';
import { SELF } from 'cloudflare:test';
import { freshIp } from './api.js';
import { signIn } from './auth.js';

/** The base URL the worker answers on inside the tests. */
export const BASE_URL = 'https://api.buurtplein.test';

/**
 * A `fetch` into the worker under test, each request from its own client address (so burst
 * limits bite only where a test means them to). `seen` records every request it sent.
 */
export function workerFetch(seen: Request[] = []): (input: string, init: RequestInit) => Promise<Response> {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('CF-Connecting-IP', freshIp());
    seen.push(request.clone());
    return SELF.fetch(request);
  };
}

/** An SDK client for a site of the worker under test, anonymous unless options say otherwise. */
export function testClient(site: string, options: Partial<ClientOptions> = {}) {
  return createClient({ site, baseUrl: BASE_URL, fetch: workerFetch(), ...options });
}

/** An SDK client signed in as a demo user (by key) through dev SSO. */
export async function clientAs(site: string, userKey: string, options: Partial<ClientOptions> = {}) {
  const session = await signIn(site, userKey);
  return testClient(site, { session, ...options });
}
