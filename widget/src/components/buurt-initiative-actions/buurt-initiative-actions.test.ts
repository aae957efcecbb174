import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Follow, HelpOffer, InitiativeDetail, Me } from '@buurtplein/sdk/contract';
import { authSession, freshApi, initiativeDetail, jsonResponse, me, problemResponse, stubFetch } from '../../../test/fetch-stub.js';
import { settle, textOf, textsIn, type } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtInitiativeActions } from './buurt-initiative-actions.js';

const SITE = 'actions-test';
const RESIDENT = me({ id: 'user000000000002', displayName: 'Joost de Vries' });
const OWNER = me({ id: 'user000000000001', displayName: 'Fatima El Amrani' });
const PROFESSIONAL = me({ id: 'user000000000009', displayName: 'Ruben Mulder', roles: ['resident', 'professional'], organisation: { id: 'org0000000000002', name: 'Woonstichting Voorbeeld' } });

defineElements();
await loadElement('buurt-initiative-actions');

const offer: HelpOffer = {
  id: 'offr000000000001',
  initiativeId: 'init000000000001',
  kind: 'meeting-space',
  message: 'U kunt de tuinkamer gebruiken.',
  status: 'offered',
  professional: { id: PROFESSIONAL.id, displayName: 'Ruben Mulder', jobTitle: 'Wijkbeheerder' },
  organisation: { id: 'org0000000000002', name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
  createdAt: '2026-10-01T10:00:00.000Z',
  respondedAt: null,
  fulfilledAt: null,
};

const meeting = {
  id: 'evnt000000000001',
  title: 'Plantdag',
  description: '',
  startsAt: '2026-11-07T09:30:00.000Z',
  endsAt: null,
  location: 'Tulpstraat 1',
  onlineUrl: null,
  capacity: 12,
  attendeeCount: 12,
  neighbourhood: { id: 'nbhd000000000001', name: 'Havenkwartier' },
  initiative: { id: 'init000000000001', title: 'Geveltuinen' },
  organiser: { id: OWNER.id, displayName: OWNER.displayName },
  report: null,
  createdAt: '2026-10-01T10:00:00.000Z',
};

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

function detailFor(viewer: InitiativeDetail['viewer'], overrides: Partial<InitiativeDetail> = {}) {
  return initiativeDetail({ id: 'init000000000001', status: 'gathering', offers: [offer], upcomingEvents: [meeting], viewer, ...overrides });
}

async function actions(user: Me | undefined, detail: InitiativeDetail, options: { follows?: Follow[]; edit?: () => Response; lang?: string } = {}) {
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(user));
    if (url.pathname.endsWith('/me/follows')) return jsonResponse({ data: options.follows ?? [], nextCursor: null });
    if (url.pathname.includes('/follows/initiative/')) {
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      return jsonResponse({ targetType: 'initiative', targetId: detail.id, title: detail.title, frequency: (call.body as Follow).frequency, createdAt: detail.createdAt });
    }
    if (call.method === 'PATCH') return options.edit?.() ?? jsonResponse({ ...detail, ...(call.body as object) });
    if (url.pathname.endsWith('/rsvp')) return problemResponse('event-full', 409);
    if (url.pathname.endsWith('/support')) return jsonResponse({ supporterCount: 24, supported: true });
    if (url.pathname.endsWith('/accept')) return jsonResponse({ ...offer, status: 'accepted' });
    if (call.method === 'POST' && url.pathname.endsWith('/offers')) return jsonResponse({ ...offer, id: 'offr000000000002' }, 201);
    return jsonResponse({});
  });
  const el = await fixture<BuurtInitiativeActions>(
    html`<buurt-initiative-actions site=${SITE} api=${freshApi(SITE, user)} lang=${options.lang ?? 'nl'} .detail=${detail}></buurt-initiative-actions>`,
  );
  if (user) await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed]'), 'not signed in');
  await settle(el);
  return el;
}

const button = (el: BuurtInitiativeActions, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text);
const field = <T extends HTMLElement>(el: BuurtInitiativeActions, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const EDIT_DRAFT = `buurtplein:${SITE}:draft:edit:init000000000001`;
/** The source files of the edit form and the follow controls, and their messages, that the page has fetched, by name. */
const toolsFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
    .filter((name) => /^(initiative-tools|initiative-edit|initiative-follow|en-tools)\.ts$/.test(name));
const allButtons = (el: BuurtInitiativeActions) => textsIn(el.shadowRoot!, 'button');
const click = (el: BuurtInitiativeActions, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text)!.click();
const status = (el: BuurtInitiativeActions) => textOf(el.shadowRoot!.querySelector('[role="status"]'));

describe('buurt-initiative-actions', () => {
  // First, before any test opens them: the page has not fetched their code yet.
  it('fetches the edit form and the follow controls only when an organiser or resident first asks for them', async () => {
    const el = await actions(OWNER, detailFor({ supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true }));
    expect(button(el, 'Volgen')!.getAttribute('aria-expanded')).to.equal('false');
    expect(button(el, 'Initiatief bewerken')).to.exist;
    expect(toolsFetched()).to.deep.equal([]);

    click(el, 'Initiatief bewerken');
    await waitUntil(() => el.shadowRoot!.querySelector('#edit-title'), 'no edit form');
    expect(toolsFetched()).to.include.members(['initiative-tools.ts', 'initiative-edit.ts', 'initiative-follow.ts']);
    // A Dutch page needs no translation of them.
    expect(toolsFetched()).not.to.include('en-tools.ts');
  });

  it('shows help offered, with organisation and badge, to a signed-out visitor, who is asked to sign in', async () => {
    const el = await actions(undefined, detailFor(null));
    expect(textsIn(el.shadowRoot!, '.item h4')).to.deep.equal(['Een ruimte om samen te komen', 'Plantdag']);
    expect(textOf(el.shadowRoot!.querySelector('.badge'))).to.equal('Woningcorporatie: Woonstichting Voorbeeld');
    expect(allButtons(el)).to.deep.equal(['Inloggen']);
    await expect(el).to.be.accessible();
  });

  it('lets a resident support and join, but not answer offers', async () => {
    const el = await actions(RESIDENT, detailFor({ supports: false, membership: null, isOrganiser: false }));
    expect(allButtons(el)).to.deep.equal(['Ik steun dit', 'Volgen', 'Ik doe mee', 'Ik kom naar "Plantdag"', 'Ik kom niet']);
    await expect(el).to.be.accessible();

    let changed = 0;
    el.addEventListener('changed', () => changed++);
    click(el, 'Ik steun dit');
    await waitUntil(() => status(el) === 'Bedankt! U steunt dit initiatief.', 'not supported');
    expect(stub!.calls.find((c) => c.url.pathname.endsWith('/support'))!.method).to.equal('PUT');
    expect(changed).to.equal(1);
  });

  it('says plainly when a meeting is full', async () => {
    const el = await actions(RESIDENT, detailFor({ supports: true, membership: { role: 'member', status: 'active' }, isOrganiser: false }));
    expect(allButtons(el)).to.include('Stoppen met meedoen');
    click(el, 'Ik kom naar "Plantdag"');
    await waitUntil(() => status(el) === 'Deze bijeenkomst is vol. Er is geen plek meer vrij.', 'no message');
    await expect(el).to.be.accessible();
  });

  it('gives the owner the organiser tools and accept/decline, and no way to leave', async () => {
    const el = await actions(OWNER, detailFor({ supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true }));
    expect(allButtons(el)).not.to.include('Stoppen met meedoen');
    expect(textOf(el.shadowRoot!.querySelector('.actions p'))).to.equal('U bent de initiatiefnemer.');
    expect(textsIn(el.shadowRoot!, '#status option')).to.deep.equal(['In voorbereiding', 'Actief', 'Gepauzeerd', 'Gearchiveerd']);
    await expect(el).to.be.accessible();

    const accepted: string[] = [];
    el.addEventListener('buurt-offer-accepted', (event) => accepted.push(event.detail.offerId));
    click(el, 'Hulp van Ruben Mulder aannemen');
    await waitUntil(() => status(el) === 'U heeft de hulp van Ruben Mulder aangenomen.', 'not accepted');
    expect(stub!.calls.at(-1)!.url.pathname).to.equal(`/v1/sites/${SITE}/offers/${offer.id}/accept`);
    expect(accepted).to.deep.equal([offer.id]);
  });

  it('lets a professional offer help by kind, and not join uninvited', async () => {
    const el = await actions(PROFESSIONAL, detailFor({ supports: false, membership: null, isOrganiser: false }));
    expect(allButtons(el)).not.to.include('Ik doe mee');
    expect(textsIn(el.shadowRoot!, '#offer-kind option')).to.have.length(12);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLSelectElement>('#offer-kind')!.value = 'information-legal';
    type(el.shadowRoot!.querySelector('#offer-message')!, 'Ik zoek uit of u een vergunning nodig heeft.');
    click(el, 'Hulp aanbieden');
    await waitUntil(() => status(el).startsWith('Uw hulpaanbod staat bij het initiatief.'), 'not offered');
    const post = stub!.calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/offers'))!;
    expect(post.body).to.deep.equal({ kind: 'information-legal', message: 'Ik zoek uit of u een vergunning nodig heeft.' });
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('lets a signed-in resident follow by daily e-mail, and stop following', async () => {
    const el = await actions(RESIDENT, detailFor({ supports: false, membership: null, isOrganiser: false }));
    click(el, 'Volgen');
    await waitUntil(() => button(el, 'Volg dit initiatief'), 'no follow controls');
    expect(button(el, 'Volgen')!.getAttribute('aria-expanded')).to.equal('true');
    expect(textsIn(el.shadowRoot!, '#follow-frequency option')).to.deep.equal(['Meteen bij elk nieuws', 'Eén keer per dag', 'Eén keer per week']);
    await expect(el).to.be.accessible();

    let changed = 0;
    el.addEventListener('changed', () => changed++);
    const frequency = field<HTMLSelectElement>(el, '#follow-frequency');
    frequency.value = 'daily';
    frequency.dispatchEvent(new Event('change'));
    expect(stub!.calls.some((c) => c.method === 'PUT' && c.url.pathname.includes('/follows/'))).to.equal(false);
    click(el, 'Volg dit initiatief');
    await waitUntil(() => status(el) === 'U volgt dit initiatief. E-mail: Eén keer per dag.', 'not followed');
    const put = stub!.calls.find((c) => c.method === 'PUT' && c.url.pathname.includes('/follows/'))!;
    expect(put.url.pathname).to.equal(`/v1/sites/${SITE}/follows/initiative/init000000000001`);
    expect(put.body).to.deep.equal({ frequency: 'daily', locale: 'nl' });
    await waitUntil(() => button(el, 'Niet meer volgen'), 'follow not shown');
    expect(changed).to.equal(0);
    await expect(el).to.be.accessible();

    click(el, 'Niet meer volgen');
    await waitUntil(() => status(el) === 'U volgt dit initiatief niet meer. U krijgt er geen e-mail meer over.', 'still following');
    expect(stub!.calls.at(-1)!.method).to.equal('DELETE');
    await waitUntil(() => button(el, 'Volg dit initiatief'), 'no way to follow again');

    click(el, 'Volgen');
    await settle(el);
    expect(button(el, 'Volgen')!.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#follow-frequency')).to.equal(null);
  });

  it('shows a follow as it stands and changes its frequency at once', async () => {
    const follows: Follow[] = [{ targetType: 'initiative', targetId: 'init000000000001', title: 'Geveltuinen', frequency: 'weekly', createdAt: '2026-10-01T10:00:00.000Z' }];
    const el = await actions(RESIDENT, detailFor({ supports: false, membership: null, isOrganiser: false }), { follows });
    click(el, 'Volgen');
    await waitUntil(() => button(el, 'Niet meer volgen'), 'follow not shown');
    const frequency = field<HTMLSelectElement>(el, '#follow-frequency');
    expect(frequency.value).to.equal('weekly');

    frequency.value = 'immediate';
    frequency.dispatchEvent(new Event('change'));
    await waitUntil(() => status(el) === 'Gewijzigd. E-mail over dit initiatief: Meteen bij elk nieuws.', 'frequency not changed');
    expect(stub!.calls.at(-1)!.body).to.deep.equal({ frequency: 'immediate' });
    await expect(el).to.be.accessible();
  });

  it('lets the owner edit title, summary and plan, with errors at the fields and only the changes sent', async () => {
    const el = await actions(OWNER, detailFor({ supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true }));
    let changed = 0;
    el.addEventListener('changed', () => changed++);
    click(el, 'Initiatief bewerken');
    await waitUntil(() => el.shadowRoot!.querySelector('#edit-title'), 'no edit form');
    await settle(el);
    const title = field<HTMLInputElement>(el, '#edit-title');
    expect(title.value).to.equal(el.detail!.title);
    expect(el.shadowRoot!.activeElement).to.equal(title);

    type(title, 'ab');
    type(field(el, '#edit-summary'), ' ');
    click(el, 'Wijzigingen opslaan');
    await settle(el);
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(field(el, '#edit-title-error'))).to.equal('Geef uw initiatief een titel van minstens 3 tekens.');
    expect(textOf(field(el, '#edit-summary-error'))).to.equal('Vat uw idee samen in een of twee zinnen.');
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect(stub!.calls.some((c) => c.method === 'PATCH')).to.equal(false);
    await expect(el).to.be.accessible();

    type(title, 'Geveltuinen in de Tulpstraat');
    type(field(el, '#edit-summary'), el.detail!.summary);
    expect(JSON.parse(localStorage.getItem(EDIT_DRAFT)!).value.title).to.equal('Geveltuinen in de Tulpstraat');
    click(el, 'Wijzigingen opslaan');
    await waitUntil(() => status(el) === 'Uw wijzigingen zijn opgeslagen.', 'not saved');
    const patch = stub!.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url.pathname).to.equal(`/v1/sites/${SITE}/initiatives/init000000000001`);
    expect(patch.body).to.deep.equal({ title: 'Geveltuinen in de Tulpstraat' });
    expect(patch.idempotencyKey).to.be.a('string');
    expect(changed).to.equal(1);
    expect(localStorage.getItem(EDIT_DRAFT)).to.equal(null);
    await settle(el);
    expect(el.shadowRoot!.querySelector('#edit-title')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Initiatief bewerken'));
  });

  it('keeps an edit that failed, says why, and retries it with the same Idempotency-Key', async () => {
    const owner = { supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true } as const;
    const detail = detailFor(owner);
    let el = await actions(OWNER, detail, { edit: () => problemResponse('forbidden', 403) });
    click(el, 'Initiatief bewerken');
    await waitUntil(() => el.shadowRoot!.querySelector('#edit-body'), 'no edit form');
    type(field(el, '#edit-body'), 'Eerst de tegels eruit, dan stokrozen en lavendel.');
    click(el, 'Wijzigingen opslaan');
    await waitUntil(() => status(el) === 'Dit mag u hier niet doen.', 'no problem said');
    expect(textOf(field(el, '#edit-problem'))).to.equal('Dit mag u hier niet doen.');
    await expect(el).to.be.accessible();
    const first = stub!.calls.find((c) => c.method === 'PATCH')!;
    stub!.restore();

    // Another visit: the kept edit opens again by itself.
    el = await actions(OWNER, detail);
    await waitUntil(() => el.shadowRoot!.querySelector('#edit-body'), 'the kept edit is not shown');
    expect(field<HTMLTextAreaElement>(el, '#edit-body').value).to.equal('Eerst de tegels eruit, dan stokrozen en lavendel.');
    click(el, 'Wijzigingen opslaan');
    await waitUntil(() => status(el) === 'Uw wijzigingen zijn opgeslagen.', 'not saved');
    const retry = stub!.calls.find((c) => c.method === 'PATCH')!;
    expect(retry.body).to.deep.equal({ body: 'Eerst de tegels eruit, dan stokrozen en lavendel.' });
    expect(retry.idempotencyKey).to.equal(first.idempotencyKey);
  });

  it('speaks English in the follow controls and the edit form on an English page', async () => {
    const el = await actions(OWNER, detailFor({ supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true }), { lang: 'en' });
    await waitUntil(() => button(el, 'Follow'), 'not in English');
    click(el, 'Follow');
    await waitUntil(() => button(el, 'Follow this initiative'), 'no English follow controls');
    expect(textsIn(el.shadowRoot!, '#follow-frequency option')).to.deep.equal(['Straight away, with every update', 'Once a day', 'Once a week']);
    expect(toolsFetched()).to.include('en-tools.ts');

    click(el, 'Edit initiative');
    await waitUntil(() => el.shadowRoot!.querySelector('#edit-body'), 'no edit form');
    expect(textsIn(el.shadowRoot!, 'form[aria-labelledby="edit-heading"] label')).to.deep.equal(['Title', 'Summary', 'The plan']);
    click(el, 'Follow this initiative');
    await waitUntil(() => status(el) === 'You follow this initiative. E-mail: Straight away, with every update.', 'not followed');
    expect(stub!.calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({ frequency: 'immediate', locale: 'en' });
    await expect(el).to.be.accessible();
  });
});
