import type { InitiativeDetail, InitiativePage } from '@buurtplein/sdk/contract';
import { expect } from 'vitest';
import { api, send } from './api.js';
import { signIn } from './auth.js';

const tokens = new Map<string, Promise<string>>();

/** An access token of a demo user (or a new SSO user) on a site, signed in once per test file. */
export function tokenOf(site: string, userKey: string): Promise<string> {
  const key = `${site}/${userKey}`;
  let token = tokens.get(key);
  if (!token) {
    token = signIn(site, userKey).then((s) => s.accessToken);
    tokens.set(key, token);
  }
  return token;
}

/** Calls an initiative route as a signed-in user (`as`), or anonymously. */
export async function call(site: string, path: string, options: { method?: string; body?: unknown; as?: string } = {}): Promise<Response> {
  const token = options.as ? await tokenOf(site, options.as) : undefined;
  const url = `/v1/sites/${site}/initiatives${path}`;
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  if (method === 'GET') return api(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (method === 'DELETE' && options.body === undefined) {
    return api(url, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }
  return send(url, options.body, { method, token });
}

let started = 0;

/**
 * Starts an initiative as `as` on `site` and returns it. Each gets a body of its own, so that
 * starting "the same" plan again in a test is not refused as a repeated post.
 */
export async function startInitiative(site: string, as: string, fields: Partial<Record<string, unknown>> = {}): Promise<InitiativeDetail> {
  started += 1;
  const res = await call(site, '', {
    as,
    body: { neighbourhood: 'BU05990102', title: 'Plantenruil op het Havenplein', summary: 'Stekjes ruilen met de buren.', body: `Plan nummer ${started}.`, ...fields },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as InitiativeDetail;
}

/** Reads one page of a site's initiatives. */
export async function listPage(site: string, query = ''): Promise<InitiativePage> {
  const res = await api(`/v1/sites/${site}/initiatives${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as InitiativePage;
}

/** Reads an initiative's detail, as `as` when given. */
export async function detailOf(site: string, id: string, as?: string): Promise<InitiativeDetail> {
  const res = await call(site, `/${id}`, { as });
  expect(res.status).toBe(200);
  return (await res.json()) as InitiativeDetail;
}
