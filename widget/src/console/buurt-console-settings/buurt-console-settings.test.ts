import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SiteSettings, SsoKey } from '@buurtplein/sdk/contract';
import { deepActiveElement, textOf } from '../../../test/dom.js';
import { defineConsoleElements } from '../define-console-elements.js';
import { authSession, isRefresh, json, problem, signedInApi, stubFetch, user, type SentRequest } from '../test/console-fetch.js';
import type { BuurtConsoleSettings } from './buurt-console-settings.js';

const SITE = 'woonstichting-voorbeeld';
const OTHER = 'gemeente-voorbeeldstad';
const HAVEN = { id: 'nbhd000000000002', name: 'Havenkwartier', cbsCode: null, postcodes: [] };
const AKKERS = { id: 'nbhd000000000003', name: 'De Akkers', cbsCode: null, postcodes: [] };
const BLOEMEN = { id: 'nbhd000000000001', name: 'Bloemenbuurt', cbsCode: null, postcodes: [] };

defineConsoleElements();

const SETTINGS: SiteSettings = {
  allowedOrigins: ['https://www.woonstichting-voorbeeld.nl'],
  theme: { '--buurt-color-primary': '#8b0000' },
  neighbourhoodIds: [HAVEN.id, AKKERS.id],
  policy: { autoHideAfter: 3, premoderateFirstPosts: 0, turnstile: { enabled: false, siteKey: null } },
};

const KEY: SsoKey = { kid: '2026-01', alg: 'HS256', status: 'active', createdAt: '2026-01-01T10:00:00.000Z', retiredAt: null };

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
});

function siteConfig(key: string, neighbourhoods: unknown[]) {
  return { key, name: key, network: { id: 'net0000000000001', name: 'Voorbeeldstad' }, locales: ['nl'], theme: {}, neighbourhoods };
}

function answer(admin: boolean, extra: (request: SentRequest) => Response | undefined = () => undefined) {
  let keys = [KEY];
  stub = stubFetch((request) => {
    if (isRefresh(request)) return json(authSession(user(admin ? ['network-admin'] : ['moderator'])));
    const found = extra(request);
    if (found) return found;
    const path = request.url.pathname;
    if (path === `/v1/sites/${SITE}`) return json(siteConfig(SITE, [HAVEN, AKKERS]));
    if (path === `/v1/sites/${OTHER}`) return json(siteConfig(OTHER, [BLOEMEN, HAVEN, AKKERS]));
    if (path.endsWith('/admin/settings') && request.method === 'GET') return json(SETTINGS);
    if (path.endsWith('/admin/settings')) return json({ ...SETTINGS, ...(request.body as object) });
    if (path.endsWith('/admin/sso-keys') && request.method === 'GET') return admin ? json({ data: keys }) : problem('forbidden', 403);
    if (path.endsWith('/admin/sso-keys')) {
      const { kid } = request.body as { kid: string };
      keys = [...keys, { ...KEY, kid }];
      return json({ ...KEY, kid, secret: 'c2VjcmV0LXNob3duLW9uY2U' }, 201);
    }
    if (path.endsWith('/retire')) {
      keys = keys.map((k) => ({ ...k, status: 'retired' as const, retiredAt: '2026-02-01T10:00:00.000Z' }));
      return json(keys[0]);
    }
    return problem('not-found', 404);
  });
  return stub;
}

async function section(admin = true) {
  const { api } = signedInApi(SITE, user(['network-admin']));
  const el = await fixture<BuurtConsoleSettings>(
    html`<buurt-console-settings .api=${api} site=${SITE} .knownSites=${[SITE, OTHER]} ?can-configure=${admin}></buurt-console-settings>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form[data-part="origins"]'), 'settings not shown');
  if (admin) await waitUntil(() => el.shadowRoot!.querySelector('table.keys'), 'keys not shown');
  return el;
}

const $ = <E extends Element = HTMLElement>(el: BuurtConsoleSettings, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

function type(el: BuurtConsoleSettings, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

describe('buurt-console-settings', function (this: { timeout(ms: number): void }) {
  // axe over a whole console section takes more than mocha's default 2 s on a busy machine.
  this.timeout(10_000);

  it("shows origins, theme, the network's neighbourhoods as checkboxes with the shown ones ticked, the policy and SSO keys", async () => {
    answer(true);
    const el = await section();

    expect($<HTMLTextAreaElement>(el, '#allowedOrigins').value).to.equal('https://www.woonstichting-voorbeeld.nl');
    expect($<HTMLInputElement>(el, '#theme-name-0').value).to.equal('--buurt-color-primary');
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="neighbourhood"]')];
    expect(boxes.map((b) => [textOf(b.parentElement), b.checked])).to.deep.equal([
      ['Havenkwartier', true],
      ['De Akkers', true],
      ['Bloemenbuurt', false],
    ]);
    expect($<HTMLInputElement>(el, '#autoHideAfter').value).to.equal('3');
    expect(textOf($(el, 'table.keys tbody td'))).to.equal('2026-01');
    await expect(el).to.be.accessible();
  });

  it('paints the theme tokens on the preview as they are typed', async () => {
    answer(true);
    const el = await section();
    const preview = $(el, '.preview');
    await waitUntil(() => preview.style.getPropertyValue('--buurt-color-primary') === '#8b0000', 'theme not painted');
    expect(getComputedStyle($(el, '.preview-button')).backgroundColor).to.equal('rgb(139, 0, 0)');

    type(el, '#theme-value-0', '#005a00');
    await el.updateComplete;
    expect(preview.style.getPropertyValue('--buurt-color-primary')).to.equal('#005a00');
    expect(getComputedStyle($(el, '.preview-button')).backgroundColor).to.equal('rgb(0, 90, 0)');
  });

  it('refuses an origin with a path at the field, and saves good ones', async () => {
    const sent = answer(true);
    const el = await section();
    type(el, '#allowedOrigins', 'https://www.voorbeeldstad.nl/buurt');
    $<HTMLFormElement>(el, 'form[data-part="origins"]').requestSubmit();
    await el.updateComplete;
    await el.updateComplete;

    const field = $(el, '#allowedOrigins');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('origins-hint allowedOrigins-error');
    expect(textOf($(el, '#allowedOrigins-error'))).to.contain('geen https-origin');
    expect(deepActiveElement()).to.equal(field);
    await expect(el).to.be.accessible();

    type(el, '#allowedOrigins', 'https://www.voorbeeldstad.nl\n\nhttps://buurt.voorbeeldstad.nl');
    $<HTMLFormElement>(el, 'form[data-part="origins"]').requestSubmit();
    await waitUntil(() => textOf($(el, 'form[data-part="origins"] [role="status"]')) === 'Opgeslagen.', 'not saved');
    const patch = sent.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).to.deep.equal({ allowedOrigins: ['https://www.voorbeeldstad.nl', 'https://buurt.voorbeeldstad.nl'] });
  });

  it('saves the ticked neighbourhoods in the site’s order, new ones after', async () => {
    const sent = answer(true);
    const el = await section();
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="neighbourhood"]')];
    boxes[2]!.click();
    boxes[0]!.click();
    $<HTMLFormElement>(el, 'form[data-part="neighbourhoods"]').requestSubmit();
    await waitUntil(() => sent.requests.some((r) => r.method === 'PATCH'), 'not sent');
    expect(sent.requests.find((r) => r.method === 'PATCH')!.body).to.deep.equal({ neighbourhoodIds: [AKKERS.id, BLOEMEN.id] });
  });

  it("shows a new HS256 key's secret once, with a warning and a copy button, and retires keys", async () => {
    const sent = answer(true);
    const el = await section();
    type(el, '#kid', '2026-11');
    $<HTMLFormElement>(el, 'form[data-part="sso"]').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#created-secret'), 'secret not shown');

    expect(sent.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/sso-keys'))!.body).to.deep.equal({ alg: 'HS256', kid: '2026-11' });
    expect($<HTMLInputElement>(el, '#created-secret').value).to.equal('c2VjcmV0LXNob3duLW9uY2U');
    expect($<HTMLInputElement>(el, '#created-secret').readOnly).to.equal(true);
    expect(textOf($(el, '.created'))).to.contain('U ziet dit geheim alleen nu.');
    expect(deepActiveElement()).to.equal($(el, '#created-heading'));
    expect([...el.shadowRoot!.querySelectorAll('.created button')].map(textOf)).to.deep.equal(['Kopiëren', 'Ik heb het bewaard']);
    await expect(el).to.be.accessible();

    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.created button')][1]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#created-secret')).to.equal(null);

    const retire = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('table.keys button')].find((b) => textOf(b) === '2026-01 intrekken')!;
    retire.click();
    await waitUntil(() => sent.requests.some((r) => r.url.pathname.endsWith('/sso-keys/2026-01/retire')), 'not retired');
    await waitUntil(() => textOf($(el, 'table.keys tbody td:nth-child(3)')).startsWith('Ingetrokken op'), 'list not refreshed');
  });

  it('shows a taken kid at the kid field', async () => {
    answer(true, (request) => (request.method === 'POST' ? problem('kid-taken', 409) : undefined));
    const el = await section();
    type(el, '#kid', '2026-01');
    $<HTMLFormElement>(el, 'form[data-part="sso"]').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#kid-error'), 'no error');
    expect($(el, '#kid').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal($(el, '#kid'));
  });

  it('is read-only for a moderator, without SSO keys', async () => {
    const sent = answer(false);
    const el = await section(false);

    expect(textOf($(el, '.message'))).to.contain('alleen netwerkbeheerders kunnen ze wijzigen');
    expect([...el.shadowRoot!.querySelectorAll('fieldset')].every((f) => (f as HTMLFieldSetElement).disabled)).to.equal(true);
    expect(el.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#sso-heading')).to.equal(null);
    expect(sent.requests.some((r) => r.url.pathname.endsWith('/sso-keys'))).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
