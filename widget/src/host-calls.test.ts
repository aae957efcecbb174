import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Bootstrap, Me } from '@buurtplein/sdk/contract';
import { authSession, freshApi, jsonResponse, me, problemResponse, stubFetch } from '../test/fetch-stub.js';
import { textOf } from '../test/dom.js';
import type { BuurtpleinGlobal } from './buurtplein-global.js';
import { loadElement } from './element-chunks.js';
import { takeOverHostCalls } from './host-calls.js';
import { createGlobal } from './loader-global.js';

const SITE = 'host-calls-test';

/** The global as the loader leaves it, with its methods queueing. */
function loaderGlobal(api: string): BuurtpleinGlobal {
  return createGlobal({ version: '0.0.0-test', site: SITE, api, bootstrap: new Promise<Bootstrap>(() => {}), bootstrapUrl: '' }, () => {}).global;
}

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  localStorage.clear();
});

describe('window.Buurtplein.login and logout', () => {
  it('carries out a login queued before the elements loaded, and every element of the site shows the resident', async () => {
    const user = me({ displayName: 'Sanne Bakker' });
    stub = stubFetch((url, call) => {
      if (url.pathname.endsWith('/auth/sso')) return (call.body as { token: string }).token === 'host-signed' ? jsonResponse(authSession(user)) : problemResponse('invalid-token', 401);
      return new Response(null, { status: 204 });
    });
    const api = freshApi(SITE);
    const global = loaderGlobal(api);
    const early = global.login('host-signed');

    takeOverHostCalls(global);
    expect((await early).displayName).to.equal('Sanne Bakker');
    expect(global.queued).to.have.length(0);

    await loadElement('buurt-sign-in');
    const el = await fixture(html`<buurt-sign-in site=${SITE} api=${api}></buurt-sign-in>`);
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('h2')) === 'U bent ingelogd', 'not shown signed in');

    await global.logout();
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('h2')) === 'Inloggen', 'not shown signed out');
    expect(localStorage.getItem(`buurtplein:${SITE}:refresh-token`)).to.equal(null);

    const refused = await global.login('forged').catch((error: { code: string }) => error.code);
    expect(refused).to.equal('invalid-token');
  });
});
