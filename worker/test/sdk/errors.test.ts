import { BuurtError, createClient } from '@buurtplein/sdk';
import { describe, expect, it } from 'vitest';
import { demoInitiativeId } from '../../src/db/seed.js';
import { BASE_URL, clientAs, testClient, workerFetch } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const dorpshuis = demoInitiativeId('andersdorp', 'dorpshuis');

/** The BuurtError a call fails with. */
async function failure(promise: Promise<unknown>): Promise<BuurtError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BuurtError);
  return error as BuurtError;
}

describe('errors from the SDK client', () => {
  it('names an unknown site site-not-found, with the request id and the problem details', async () => {
    const seen: Request[] = [];
    let requestId: string | null = null;
    const inner = workerFetch(seen);
    const client = createClient({
      site: 'bestaat-niet',
      baseUrl: BASE_URL,
      fetch: async (input, init) => {
        const response = await inner(input, init);
        requestId = response.headers.get('X-Request-Id');
        return response;
      },
    });
    const error = await failure(client.sites.get());
    expect(error).toMatchObject({ code: 'site-not-found', status: 404, name: 'BuurtError' });
    expect(error.requestId).toBe(requestId);
    expect(error.problem).toMatchObject({ status: 404, type: expect.stringMatching(/\/site-not-found$/), instance: `urn:uuid:${requestId}` });
    expect(error.message).toBe(error.problem?.detail);
  });

  it('maps a refused query to invalid-request', async () => {
    const error = await failure(testClient(SITE).initiatives.list({ limit: 51 }));
    expect(error).toMatchObject({ code: 'invalid-request', status: 400 });
  });

  it('maps a refused body to invalid-request', async () => {
    const fatima = await clientAs(SITE, 'fatima');
    const error = await failure(fatima.initiatives.create({ neighbourhood: 'BU05990102', title: 'x', summary: 'Te kort.' }));
    expect(error).toMatchObject({ code: 'invalid-request', status: 400 });
    expect(error.message).toContain('title');
  });

  it('maps a write without a session to unauthorized', async () => {
    expect(await failure(testClient(SITE).initiatives.support(moestuin))).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('maps what a role may not do to forbidden', async () => {
    const sanne = await clientAs(SITE, 'sanne');
    const error = await failure(sanne.offers.create(moestuin, { kind: 'coffee', message: 'Koffie!' }));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('maps what the site does not show to not-found, for reads and writes', async () => {
    expect(await failure(testClient(SITE).initiatives.get(dorpshuis))).toMatchObject({ code: 'not-found', status: 404 });
    const joost = await clientAs(SITE, 'joost');
    expect(await failure(joost.initiatives.support(dorpshuis))).toMatchObject({ code: 'not-found', status: 404 });
    expect(await failure(testClient(SITE).threads.get('0000000000000000'))).toMatchObject({ code: 'not-found' });
  });

  it('maps a domain rule to its own slug', async () => {
    const fatima = await clientAs(SITE, 'fatima');
    const plan = await fatima.initiatives.create({ neighbourhood: 'BU05990102', title: 'Buurtkast', summary: 'Een kast vol spullen om te lenen.' });
    expect(await failure(fatima.initiatives.update(plan.id, { status: 'completed' }))).toMatchObject({ code: 'invalid-transition', status: 409 });
    const key = crypto.randomUUID();
    await fatima.initiatives.update(plan.id, { title: 'Buurtkast bij de bushalte' }, { idempotencyKey: key });
    const reused = await failure(fatima.initiatives.update(plan.id, { title: 'Iets anders' }, { idempotencyKey: key }));
    expect(reused).toMatchObject({ code: 'idempotency-key-reused', status: 422 });
  });

  it('says network-error when the API cannot be reached', async () => {
    const offline = createClient({ site: SITE, baseUrl: BASE_URL, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await failure(offline.initiatives.list());
    expect(error).toMatchObject({ code: 'network-error', status: 0, requestId: null, problem: null });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('names an answer without problem details by its status', async () => {
    const proxy = createClient({ site: SITE, baseUrl: BASE_URL, fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }) });
    expect(await failure(proxy.sites.get())).toMatchObject({ code: 'http-502', status: 502 });
  });

  it('lets an aborted request end as the abort, not as a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await testClient(SITE).initiatives.list({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BuurtError);
  });
});
