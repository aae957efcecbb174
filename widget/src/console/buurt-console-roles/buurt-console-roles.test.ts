import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RoleChange } from '@buurtplein/sdk/contract';
import { deepActiveElement, textOf } from '../../../test/dom.js';
import { defineConsoleElements } from '../define-console-elements.js';
import { authSession, isRefresh, json, problem, signedInApi, stubFetch, user, type SentRequest } from '../test/console-fetch.js';
import type { BuurtConsoleRoles } from './buurt-console-roles.js';

const SITE = 'gemeente-voorbeeldstad';
const USER = 'user000000000005';
const ORGANISATION = { id: 'orgn000000000001', name: 'Gemeente Voorbeeldstad', kind: 'municipality' };
const FATIMA = { id: USER, displayName: 'Fatima El Amrani', roles: ['resident'], organisation: null, createdAt: '2026-09-01T10:00:00.000Z' };

defineConsoleElements();

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
});

function change(request: SentRequest): RoleChange {
  const revoke = request.method === 'DELETE';
  const body = request.body as { role: RoleChange['role']; organisationId?: string } | undefined;
  return {
    id: 'rchg000000000001',
    userId: USER,
    role: revoke ? (request.url.pathname.split('/').pop() as RoleChange['role']) : body!.role,
    change: revoke ? 'revoke' : 'grant',
    organisationId: body?.organisationId ?? null,
    changedBy: 'user000000000001',
    reason: 'admin',
    createdAt: '2026-10-01T10:00:00.000Z',
  };
}

function answer(extra: (request: SentRequest) => Response | undefined = () => undefined) {
  stub = stubFetch((request) => {
    if (isRefresh(request)) return json(authSession(user(['network-admin'])));
    const found = extra(request);
    if (found) return found;
    const path = request.url.pathname;
    if (path.endsWith('/admin/organisations')) return json({ data: [ORGANISATION] });
    if (path.endsWith('/admin/users')) {
      const q = request.url.searchParams.get('q');
      return json({ data: q === 'fatima' ? [FATIMA] : [] });
    }
    if (path.includes('/admin/users/')) return json(change(request), request.method === 'DELETE' ? 200 : 201);
    return problem('not-found', 404);
  });
  return stub;
}

async function section() {
  const { api } = signedInApi(SITE, user(['network-admin']));
  const el = await fixture<BuurtConsoleRoles>(html`<buurt-console-roles .api=${api} site=${SITE}></buurt-console-roles>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('#organisationId option').length === 2, 'organisations not loaded');
  return el;
}

const $ = <E extends Element = HTMLElement>(el: BuurtConsoleRoles, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

function choose(el: BuurtConsoleRoles, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('buurt-console-roles', function (this: { timeout(ms: number): void }) {
  this.timeout(10_000);

  it('asks for the organisation of a new professional at its field', async () => {
    const sent = answer();
    const el = await section();
    choose(el, '#userId', USER);
    $<HTMLFormElement>(el, '#roles-form').requestSubmit();
    await el.updateComplete;
    await el.updateComplete;

    const organisation = $(el, '#organisationId');
    expect(organisation.getAttribute('aria-invalid')).to.equal('true');
    expect(organisation.getAttribute('aria-describedby')).to.equal('organisationId-error');
    expect(textOf($(el, '#organisationId-error'))).to.equal('Kies de organisatie van de professional.');
    expect(deepActiveElement()).to.equal(organisation);
    expect(sent.requests.some((r) => r.url.pathname.includes('/admin/users/'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('grants the professional role with the organisation and lists the change', async () => {
    const sent = answer();
    const el = await section();
    choose(el, '#userId', USER);
    choose(el, '#organisationId', ORGANISATION.id);
    $<HTMLFormElement>(el, '#roles-form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.changes li'), 'change not listed');

    const grant = sent.requests.find((r) => r.url.pathname.includes('/admin/users/'))!;
    expect(grant.method).to.equal('POST');
    expect(grant.url.pathname).to.equal(`/v1/sites/${SITE}/admin/users/${USER}/roles`);
    expect(grant.body).to.deep.equal({ role: 'professional', organisationId: ORGANISATION.id });
    expect(textOf($(el, '#roles-status'))).to.equal(`Professional toegekend aan ${USER}.`);
    await expect(el).to.be.accessible();
  });

  it('grants and revokes the moderator role without an organisation', async () => {
    const sent = answer();
    const el = await section();
    choose(el, '#userId', USER);
    choose(el, '#role', 'moderator');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#organisationId')).to.equal(null);
    $<HTMLFormElement>(el, '#roles-form').requestSubmit();
    await waitUntil(() => sent.requests.some((r) => r.method === 'POST' && r.url.pathname.includes('/admin/users/')), 'not granted');
    expect(sent.requests.find((r) => r.method === 'POST' && r.url.pathname.includes('/admin/users/'))!.body).to.deep.equal({ role: 'moderator' });

    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === 'Rol intrekken')!.click();
    await waitUntil(() => sent.requests.some((r) => r.method === 'DELETE'), 'not revoked');
    expect(sent.requests.find((r) => r.method === 'DELETE')!.url.pathname).to.equal(`/v1/sites/${SITE}/admin/users/${USER}/roles/moderator`);
    await waitUntil(() => textOf($(el, '#roles-status')) === `Moderator ingetrokken bij ${USER}.`, 'no confirmation');
  });

  it('shows an unknown user at the user field', async () => {
    answer((request) => (request.url.pathname.includes('/admin/users/') ? problem('not-found', 404) : undefined));
    const el = await section();
    choose(el, '#userId', 'user999999999999');
    choose(el, '#role', 'moderator');
    $<HTMLFormElement>(el, '#roles-form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#userId-error'), 'no error');
    expect(textOf($(el, '#userId-error'))).to.equal('Deze gebruiker bestaat niet in dit netwerk.');
    expect($(el, '#userId').getAttribute('aria-describedby')).to.equal('userId-hint userId-error');
    expect(deepActiveElement()).to.equal($(el, '#userId'));
  });

  it('finds a user by name and takes them into the form, focus on the role', async () => {
    const sent = answer();
    const el = await section();
    choose(el, '#user-search', 'f');
    $<HTMLFormElement>(el, '#user-search-form').requestSubmit();
    await el.updateComplete;
    expect(textOf($(el, '#user-search-status'))).to.equal('Vul minstens twee tekens in.');
    expect(sent.requests.some((r) => r.url.pathname.endsWith('/admin/users'))).to.equal(false);

    choose(el, '#user-search', 'nobody');
    $<HTMLFormElement>(el, '#user-search-form').requestSubmit();
    await waitUntil(() => textOf($(el, '#user-search-status')) === 'Niemand gevonden.', 'no empty result');

    choose(el, '#user-search', 'fatima');
    $<HTMLFormElement>(el, '#user-search-form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.found-users li'), 'nobody listed');
    expect(textOf($(el, '#user-search-status'))).to.equal('1 gevonden.');
    expect(textOf($(el, '.found-users li'))).to.contain('Fatima El Amrani');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '.found-users button').click();
    await waitUntil(() => deepActiveElement() === $(el, '#role'), 'focus not on the role');
    expect($<HTMLInputElement>(el, '#userId').value).to.equal(USER);
  });

  it('shows a user name with markup as text', async () => {
    answer((request) =>
      request.url.pathname.endsWith('/admin/users') ? json({ data: [{ ...FATIMA, displayName: '<img src=x onerror=alert(1)>' }] }) : undefined,
    );
    const el = await section();
    choose(el, '#user-search', 'fatima');
    $<HTMLFormElement>(el, '#user-search-form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.found-users li'), 'nobody listed');
    expect(el.shadowRoot!.querySelector('.found-users img')).to.equal(null);
    expect(textOf($(el, '.found-users li'))).to.contain('<img src=x onerror=alert(1)>');
  });
});
