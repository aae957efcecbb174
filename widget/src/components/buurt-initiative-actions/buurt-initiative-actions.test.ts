import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { HelpOffer, InitiativeDetail, Me } from '@buurtplein/sdk/contract';
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

async function actions(user: Me | undefined, detail: InitiativeDetail) {
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(user));
    if (url.pathname.endsWith('/rsvp')) return problemResponse('event-full', 409);
    if (url.pathname.endsWith('/support')) return jsonResponse({ supporterCount: 24, supported: true });
    if (url.pathname.endsWith('/accept')) return jsonResponse({ ...offer, status: 'accepted' });
    if (call.method === 'POST' && url.pathname.endsWith('/offers')) return jsonResponse({ ...offer, id: 'offr000000000002' }, 201);
    return jsonResponse({});
  });
  const el = await fixture<BuurtInitiativeActions>(html`<buurt-initiative-actions site=${SITE} api=${freshApi(SITE, user)} .detail=${detail}></buurt-initiative-actions>`);
  if (user) await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed]'), 'not signed in');
  await settle(el);
  return el;
}

const allButtons = (el: BuurtInitiativeActions) => textsIn(el.shadowRoot!, 'button');
const click = (el: BuurtInitiativeActions, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text)!.click();
const status = (el: BuurtInitiativeActions) => textOf(el.shadowRoot!.querySelector('[role="status"]'));

describe('buurt-initiative-actions', () => {
  it('shows help offered, with organisation and badge, to a signed-out visitor, who is asked to sign in', async () => {
    const el = await actions(undefined, detailFor(null));
    expect(textsIn(el.shadowRoot!, '.item h4')).to.deep.equal(['Een ruimte om samen te komen', 'Plantdag']);
    expect(textOf(el.shadowRoot!.querySelector('.badge'))).to.equal('Woningcorporatie: Woonstichting Voorbeeld');
    expect(allButtons(el)).to.deep.equal(['Inloggen']);
    await expect(el).to.be.accessible();
  });

  it('lets a resident support and join, but not answer offers', async () => {
    const el = await actions(RESIDENT, detailFor({ supports: false, membership: null, isOrganiser: false }));
    expect(allButtons(el)).to.deep.equal(['Ik steun dit', 'Ik doe mee', 'Ik kom naar "Plantdag"', 'Ik kom niet']);
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
});
