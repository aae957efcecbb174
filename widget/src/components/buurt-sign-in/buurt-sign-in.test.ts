import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { authSession, freshApi, jsonResponse, me, problemResponse, stubFetch } from '../../../test/fetch-stub.js';
import { deepActiveElement, textOf } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtSignIn } from './buurt-sign-in.js';

const SITE = 'sign-in-test';

defineElements();
await loadElement('buurt-sign-in');

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

async function signIn(api: string) {
  const el = await fixture<BuurtSignIn>(html`<buurt-sign-in site=${SITE} api=${api}></buurt-sign-in>`);
  await el.updateComplete;
  return el;
}

function $(el: BuurtSignIn, selector: string) {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

async function submit(el: BuurtSignIn, field: string, value: string) {
  const input = $(el, field) as HTMLInputElement;
  input.value = value;
  const calls = stub?.calls.length ?? 0;
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  // Settled once the request went out (when one goes out) and the answer is shown.
  await new Promise((resolve) => setTimeout(resolve, 20));
  if ((stub?.calls.length ?? 0) > calls) await waitUntil(() => !$(el, 'button[aria-disabled="true"]'), 'still busy');
  await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
}

describe('buurt-sign-in', () => {
  it('asks for the e-mail address, then for the code in a field made for one-time codes', async () => {
    const api = freshApi(SITE);
    stub = stubFetch(() => jsonResponse({ expiresAt: new Date(Date.now() + 600_000).toISOString() }));
    const el = await signIn(api);
    expect(textOf($(el, 'h2'))).to.equal('Inloggen');
    expect($(el, '#email')!.getAttribute('autocomplete')).to.equal('email');
    await expect(el).to.be.accessible();

    await submit(el, '#email', 'fatima@example.nl');

    expect(stub.calls[0]!.url.pathname).to.equal(`/v1/sites/${SITE}/auth/email/start`);
    expect(stub.calls[0]!.body).to.deep.equal({ email: 'fatima@example.nl' });
    expect(textOf($(el, 'h2'))).to.equal('Kijk in uw e-mail');
    await waitUntil(() => deepActiveElement() === $(el, 'h2'), 'focus not on the new heading');
    const code = $(el, '#code') as HTMLInputElement;
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(textOf($(el, '[role="status"]'))).to.equal('We hebben een code gestuurd naar fatima@example.nl.');
    await expect(el).to.be.accessible();
  });

  it('says plainly what is wrong with an address, at the field', async () => {
    stub = stubFetch(() => jsonResponse({}));
    const el = await signIn(freshApi(SITE));
    await submit(el, '#email', 'fatima');

    expect(stub.calls).to.have.length(0);
    const input = $(el, '#email')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!))).to.equal('Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(deepActiveElement()).to.equal(input);
    await expect(el).to.be.accessible();
  });

  for (const [slug, status, message] of [
    ['code-invalid', 401, 'Deze code klopt niet. Kijk nog eens in de e-mail en typ de 6 cijfers over.'],
    ['code-expired', 401, 'Deze code is verlopen: een code werkt 10 minuten. Vraag een nieuwe code aan.'],
    ['code-locked', 401, 'De code is te vaak fout ingevuld en werkt niet meer. Vraag een nieuwe code aan.'],
    ['rate-limited', 429, 'Dat ging te vaak achter elkaar. Wacht een paar minuten en probeer het dan opnieuw.'],
  ] as const) {
    it(`explains ${slug} in plain language, tied to the code field`, async () => {
      stub = stubFetch((url) => (url.pathname.endsWith('/start') ? jsonResponse({ expiresAt: new Date().toISOString() }) : problemResponse(slug, status)));
      const el = await signIn(freshApi(SITE));
      await submit(el, '#email', 'fatima@example.nl');
      await submit(el, '#code', '123456');

      const code = $(el, '#code')!;
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(el.shadowRoot!.getElementById(code.getAttribute('aria-describedby')!))).to.equal(message);
      expect(deepActiveElement()).to.equal(code);
      await expect(el).to.be.accessible();
    });
  }

  it('signs in, keeps the refresh token for a reload (not the access token), and signs out', async () => {
    const user = me({ displayName: 'Fatima El Amrani' });
    const session = authSession(user);
    stub = stubFetch((url) =>
      url.pathname.endsWith('/start') ? jsonResponse({ expiresAt: new Date().toISOString() }) : url.pathname.endsWith('/verify') ? jsonResponse(session) : new Response(null, { status: 204 }),
    );
    const el = await signIn(freshApi(SITE));
    const signedIn: string[] = [];
    el.addEventListener('buurt-user-signed-in', (event) => signedIn.push(event.detail.user.displayName));
    await submit(el, '#email', 'fatima@example.nl');
    await submit(el, '#code', '12 34 56');

    expect(stub.calls[1]!.body).to.deep.equal({ email: 'fatima@example.nl', code: '123456' });
    expect(signedIn).to.deep.equal(['Fatima El Amrani']);
    expect(textOf($(el, 'h2'))).to.equal('U bent ingelogd');
    expect(textOf($(el, 'p'))).to.equal('Ingelogd als Fatima El Amrani.');
    expect(localStorage.getItem(`buurtplein:${SITE}:refresh-token`)).to.equal(session.refreshToken);
    expect(JSON.stringify({ ...localStorage })).not.to.contain(session.accessToken);
    await expect(el).to.be.accessible();

    ($(el, 'button') as HTMLButtonElement).click();
    await waitUntil(() => textOf($(el, 'h2')) === 'Inloggen', 'not signed out');
    expect(stub.calls.at(-1)!.url.pathname).to.equal(`/v1/sites/${SITE}/auth/logout`);
    expect(localStorage.getItem(`buurtplein:${SITE}:refresh-token`)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English when its lang is "en"', async () => {
    stub = stubFetch(() => jsonResponse({}));
    const el = await fixture<BuurtSignIn>(html`<buurt-sign-in lang="en" site=${SITE} api=${freshApi(SITE)}></buurt-sign-in>`);
    await waitUntil(() => textOf($(el, 'h2')) === 'Sign in', 'not in English');
    expect(textOf($(el, 'label'))).to.equal('E-mail address');
    await expect(el).to.be.accessible();
  });
});
