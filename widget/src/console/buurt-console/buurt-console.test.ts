import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Me } from '@buurtplein/sdk/contract';
import { deepActiveElement, nextTask, textOf } from '../../../test/dom.js';
import { defineConsoleElements } from '../define-console-elements.js';
import { authSession, emptyStorage, json, problem, stubFetch, user, type SentRequest } from '../test/console-fetch.js';
import type { BuurtConsole } from './buurt-console.js';

const SITES = 'gemeente-voorbeeldstad woonstichting-voorbeeld';

defineConsoleElements();

let stub: ReturnType<typeof stubFetch> | undefined;
let serial = 0;
const hostUrl = location.href;

afterEach(async () => {
  stub?.restore();
  stub = undefined;
  history.replaceState(null, '', hostUrl);
  document.documentElement.removeAttribute('lang');
  await nextTask();
});

function siteConfig(key: string) {
  return { key, name: key === 'gemeente-voorbeeldstad' ? 'Gemeente Voorbeeldstad' : 'Woonstichting Voorbeeld', network: { id: 'net0000000000001', name: 'Voorbeeldstad' }, locales: ['nl', 'en'], theme: {}, neighbourhoods: [] };
}

/** An API where e-mail sign-in answers `me`; sections answer empty. */
function answer(me: Me, extra: (request: SentRequest) => Response | undefined = () => undefined) {
  stub = stubFetch((request) => {
    const path = request.url.pathname;
    const found = extra(request);
    if (found) return found;
    if (path.endsWith('/auth/email/start')) return json({ expiresAt: '2099-01-01T00:00:00.000Z' });
    if (path.endsWith('/auth/email/verify')) return request.body && (request.body as { code: string }).code === '123456' ? json(authSession(me)) : problem('code-invalid', 401);
    if (path.endsWith('/moderation/queue')) return json({ data: [] });
    if (path.endsWith('/moderation/audit-log')) return json({ data: [], nextCursor: null });
    const site = /^\/v1\/sites\/([a-z-]+)$/.exec(path)?.[1];
    if (site) return json(siteConfig(site));
    return problem('not-found', 404);
  });
  return stub;
}

async function consolePage(lang = '') {
  const el = await fixture<BuurtConsole>(
    html`<buurt-console sites=${SITES} api="https://console-shell${++serial}.buurtplein.test" lang=${lang} .storage=${emptyStorage()}></buurt-console>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('buurt-console-sign-in'), 'sign-in not shown');
  return el;
}

function signIn(el: BuurtConsole) {
  return el.shadowRoot!.querySelector('buurt-console-sign-in')!;
}

async function typeAndSubmit(el: BuurtConsole, id: string, value: string) {
  const form = signIn(el);
  await form.updateComplete;
  const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.form!.requestSubmit();
  await form.updateComplete;
}

async function signInAs(el: BuurtConsole) {
  await typeAndSubmit(el, 'email', 'lotte@voorbeeldstad.nl');
  await waitUntil(() => signIn(el).shadowRoot!.querySelector('#code'), 'code step not shown');
  await typeAndSubmit(el, 'code', '123456');
  await waitUntil(() => !el.shadowRoot!.querySelector('buurt-console-sign-in'), 'still signing in');
  await el.updateComplete;
}

describe('buurt-console', function (this: { timeout(ms: number): void }) {
  // axe over a whole console section takes more than mocha's default 2 s on a busy machine.
  this.timeout(10_000);

  it('asks to sign in with an e-mail code, with the sites to choose from', async () => {
    answer(user(['moderator']));
    const el = await consolePage();
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('#site option')) === 'Gemeente Voorbeeldstad', 'site names not loaded');

    expect(textOf(el.shadowRoot!.querySelector('h1'))).to.equal('Buurtplein-console');
    expect([...el.shadowRoot!.querySelectorAll('#site option')].map((o) => (o as HTMLOptionElement).value)).to.deep.equal(SITES.split(' '));
    expect(textOf(signIn(el).shadowRoot!.querySelector('h2'))).to.equal('Aanmelden');
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('ties a wrong code to the code field and keeps focus there', async () => {
    answer(user(['moderator']));
    const el = await consolePage();
    await typeAndSubmit(el, 'email', 'lotte@voorbeeldstad.nl');
    await waitUntil(() => signIn(el).shadowRoot!.querySelector('#code'), 'code step not shown');
    await typeAndSubmit(el, 'code', '999999');
    await waitUntil(() => signIn(el).shadowRoot!.querySelector('#code-error'), 'no error');

    const code = signIn(el).shadowRoot!.querySelector('#code')!;
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(code.getAttribute('aria-describedby')).to.equal('code-hint code-error');
    expect(textOf(signIn(el).shadowRoot!.querySelector('#code-error'))).to.contain('klopt niet');
    expect(deepActiveElement()).to.equal(code);
    await expect(el).to.be.accessible();
  });

  it('lets a moderator in, with moderation, settings and figures but not roles', async () => {
    const sent = answer(user(['professional', 'moderator']));
    const el = await consolePage();
    await signInAs(el);

    const start = sent.requests.find((r) => r.url.pathname.endsWith('/auth/email/start'))!;
    expect(start.url.pathname).to.equal('/v1/sites/gemeente-voorbeeldstad/auth/email/start');
    expect(start.body).to.deep.equal({ email: 'lotte@voorbeeldstad.nl' });
    const tabs = [...el.shadowRoot!.querySelectorAll('nav a')].map(textOf);
    expect(tabs).to.deep.equal(['Moderatie', 'Site-instellingen', 'Cijfers']);
    expect(el.shadowRoot!.querySelector('nav a[aria-current="page"]')!.getAttribute('href')).to.equal('#moderatie');
    expect(textOf(el.shadowRoot!.querySelector('.who'))).to.contain('Aangemeld als Lotte (Professional, Moderator)');
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('#section-heading'));
    expect(el.shadowRoot!.querySelector('buurt-console-moderation')!.canAct).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('lets a network admin in with roles too, and opens a section by its link', async () => {
    answer(user(['network-admin'], { displayName: 'Beheer' }), (request) =>
      request.url.pathname.endsWith('/professionals') ? json({ data: [], nextCursor: null }) : undefined,
    );
    const el = await consolePage();
    await signInAs(el);

    expect([...el.shadowRoot!.querySelectorAll('nav a')].map(textOf)).to.deep.equal(['Moderatie', 'Site-instellingen', 'Rollen', 'Cijfers']);
    expect(el.shadowRoot!.querySelector('buurt-console-moderation')!.canAct).to.equal(false);
    location.hash = '#rollen';
    await waitUntil(() => el.shadowRoot!.querySelector('buurt-console-roles'), 'roles not opened');
    expect(textOf(el.shadowRoot!.querySelector('#section-heading'))).to.equal('Rollen');
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('#section-heading'));
  });

  it('manages another site of the same network with the same session', async () => {
    const sent = answer(user(['moderator']));
    const el = await consolePage();
    await signInAs(el);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#site')!;
    select.value = 'woonstichting-voorbeeld';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => sent.requests.some((r) => r.url.pathname === '/v1/sites/woonstichting-voorbeeld/moderation/queue'), 'queue of the other site not asked');

    const queue = sent.requests.find((r) => r.url.pathname === '/v1/sites/woonstichting-voorbeeld/moderation/queue')!;
    expect(queue.headers.get('Authorization')).to.equal('Bearer aaa.bbb.ccc');
    expect(new URL(location.href).searchParams.get('site')).to.equal('woonstichting-voorbeeld');
    expect(el.shadowRoot!.querySelector('buurt-console-sign-in')).to.equal(null);
    expect(sent.requests.filter((r) => r.url.pathname.endsWith('/auth/email/verify'))).to.have.length(1);
  });

  it('tells a resident plainly that they have no access', async () => {
    answer(user(['resident'], { displayName: 'Fatima' }));
    const el = await consolePage();
    await signInAs(el);

    expect(textOf(el.shadowRoot!.querySelector('#no-access-heading'))).to.equal('Geen toegang');
    expect(textOf(el.shadowRoot!.querySelector('main .message'))).to.contain('Alleen moderatoren en netwerkbeheerders');
    expect(el.shadowRoot!.querySelector('nav')).to.equal(null);
    expect(el.shadowRoot!.querySelector('buurt-console-moderation')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English when its lang says so', async () => {
    answer(user(['moderator']));
    const el = await consolePage('en');
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('h1')) === 'Buurtplein console', 'not in English');
    await signIn(el).updateComplete;
    expect(textOf(signIn(el).shadowRoot!.querySelector('h2'))).to.equal('Sign in');
    expect(textOf(signIn(el).shadowRoot!.querySelector('label'))).to.equal('E-mail address');
    await signInAs(el);
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map(textOf)).to.deep.equal(['Moderation', 'Site settings', 'Figures']);
  });
});
