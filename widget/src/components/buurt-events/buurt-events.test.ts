import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Event as Meeting, Me } from '@buurtplein/sdk/contract';
import { authSession, deferred, freshApi, jsonResponse, me, problemResponse, stubFetch } from '../../../test/fetch-stub.js';
import { settle, textOf, textsIn } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtEvents } from './buurt-events.js';

const SITE = 'events-test';
const RESIDENT = me({ id: 'user000000000002', displayName: 'Joost de Vries' });

defineElements();
await loadElement('buurt-events');

let serial = 0;
function meeting(overrides: Partial<Meeting> = {}): Meeting {
  serial++;
  return {
    id: `evnt${String(serial).padStart(12, '0')}`,
    title: 'Repair Café december',
    description: 'Ook kerstverlichting is welkom.',
    startsAt: '2026-12-05T09:00:00.000Z',
    endsAt: '2026-12-05T12:00:00.000Z',
    location: 'Buurthuis Havenkwartier, Havenkade 3',
    onlineUrl: null,
    capacity: 20,
    attendeeCount: 3,
    neighbourhood: { id: 'nbhd000000000002', name: 'Havenkwartier' },
    initiative: { id: 'init000000000007', title: 'Repair Café in het buurthuis' },
    organiser: { id: 'user000000000005', displayName: 'Mehmet Yılmaz' },
    report: null,
    createdAt: '2026-11-14T09:00:00.000Z',
    ...overrides,
  };
}

const repairCafe = meeting();
const inloopavond = meeting({
  title: 'Inloopavond: een autovrije zondag?',
  description: '',
  startsAt: '2026-12-10T18:00:00.000Z',
  endsAt: null,
  onlineUrl: 'https://meet.voorbeeldstad.nl/autovrije-zondag',
  capacity: null,
  attendeeCount: 1,
  initiative: null,
});

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

/** The API with `meetings` on the list; a signed-in `user` answers RSVPs, after which the meeting counts one more. */
function eventsApi(meetings: Meeting[], user?: Me) {
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(user));
    if (url.pathname.endsWith('/rsvp')) return jsonResponse({ eventId: url.pathname.split('/').at(-2), status: (call.body as { status: string }).status });
    const one = meetings.find((m) => url.pathname.endsWith(`/events/${m.id}`));
    if (one) return jsonResponse({ ...one, attendeeCount: one.attendeeCount + 1 });
    return jsonResponse({ data: meetings, nextCursor: null });
  });
  return stub;
}

async function events(api: string, attributes: { initiative?: string } = {}) {
  const el = await fixture<BuurtEvents>(html`<buurt-events site=${SITE} api=${api} initiative=${attributes.initiative ?? ''}></buurt-events>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="event"], [part~="empty"], [part~="error"]'), 'nothing shown');
  await settle(el);
  return el;
}

const buttons = (el: BuurtEvents) => textsIn(el.shadowRoot!, 'button');
const status = (el: BuurtEvents) => textOf(el.shadowRoot!.querySelector('[role="status"]'));

describe('buurt-events', () => {
  it('holds the place of the meetings with a skeleton while they load', async () => {
    const answer = deferred<Response>();
    stub = stubFetch(() => answer.promise);
    const el = await fixture<BuurtEvents>(html`<buurt-events site=${SITE} api=${freshApi(SITE)}></buurt-events>`);
    expect(el.shadowRoot!.querySelectorAll('[part="skeleton"] li')).to.have.length(4);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    answer.resolve(jsonResponse({ data: [repairCafe], nextCursor: null }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="event"]'), 'not shown');
  });

  it('shows each meeting’s time in Dutch time, place, count and initiative, and asks a signed-out visitor to sign in', async () => {
    eventsApi([repairCafe, inloopavond]);
    const el = await events(freshApi(SITE));
    const [first, second] = el.shadowRoot!.querySelectorAll('[part="event"]');
    expect(textOf(first!.querySelector('[part="title"]'))).to.equal('Repair Café december');
    expect(textOf(first!.querySelector('[part="when"]'))).to.equal('zaterdag 5 december 2026, 10:00–13:00');
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal(repairCafe.startsAt);
    expect(textOf(first!.querySelector('[part="place"]'))).to.equal('Buurthuis Havenkwartier, Havenkade 3');
    expect(textOf(first!.querySelector('[part="attendees"]'))).to.equal('3 van 20 plekken bezet');
    const link = first!.querySelector<HTMLAnchorElement>('[part="initiative-link"]')!;
    expect(textOf(link)).to.equal('Repair Café in het buurthuis');
    expect(new URL(link.href).searchParams.get('buurt')).to.equal('initiatief/init000000000007');
    expect(textOf(second!.querySelector('[part="when"]'))).to.equal('donderdag 10 december 2026 om 19:00');
    expect(textOf(second!.querySelector('[part="initiative"]'))).to.equal('Buurtbijeenkomst in Havenkwartier');
    expect(textOf(second!.querySelector('[part="attendees"]'))).to.equal('1 aanmelding');
    expect(second!.querySelector<HTMLAnchorElement>('[part="place"] a')!.href).to.equal('https://meet.voorbeeldstad.nl/autovrije-zondag');
    expect(buttons(el)).to.deep.equal(['Inloggen']);
    expect(status(el)).to.equal('2 bijeenkomsten gevonden.');
    await expect(el).to.be.accessible();
  });

  it('tells the page which initiative was chosen, which may take over from the link', async () => {
    eventsApi([repairCafe]);
    const el = await events(freshApi(SITE));
    const chosen: string[] = [];
    const takeOver = (event: CustomEvent<{ id: string }>) => {
      chosen.push(event.detail.id);
      event.preventDefault();
    };
    document.addEventListener('buurt-initiative-selected', takeOver);
    try {
      el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="initiative-link"]')!.click();
    } finally {
      document.removeEventListener('buurt-initiative-selected', takeOver);
    }
    expect(chosen).to.deep.equal(['init000000000007']);
  });

  it('asks only for the initiative’s meetings, and says when it has none planned', async () => {
    const api = eventsApi([]);
    const el = await events(freshApi(SITE), { initiative: 'init000000000007' });
    expect(api.requests[0]!.searchParams.get('initiative')).to.equal('init000000000007');
    expect(textOf(el.shadowRoot!.querySelector('[part="empty"]'))).to.equal('Dit initiatief heeft nog geen bijeenkomst gepland.');
    expect(buttons(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says plainly when loading failed, and loads again on retry', async () => {
    let fail = true;
    stub = stubFetch(() => (fail ? problemResponse('internal-error', 500) : jsonResponse({ data: [repairCafe], nextCursor: null })));
    const el = await events(freshApi(SITE));
    expect(textOf(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('Het laden van de bijeenkomsten is niet gelukt. Probeer het opnieuw.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="event"]'), 'not loaded again');
  });

  it('lets a signed-in resident say they come, and shows the new count', async () => {
    eventsApi([repairCafe, inloopavond], RESIDENT);
    const el = await events(freshApi(SITE, RESIDENT));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="rsvp"]'), 'not signed in');
    expect(buttons(el)).to.deep.equal(['Ik kom', 'Ik kom niet', 'Ik kom', 'Ik kom niet']);
    await expect(el).to.be.accessible();

    const going = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="rsvp-button"]')!;
    going.click();
    await waitUntil(() => status(el) === 'Fijn! U staat op de lijst voor "Repair Café december".', 'no answer');
    const put = stub!.calls.find((c) => c.method === 'PUT')!;
    expect(put.url.pathname).to.equal(`/v1/sites/${SITE}/events/${repairCafe.id}/rsvp`);
    expect(put.body).to.deep.equal({ status: 'going' });
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part="attendees"]')) === '4 van 20 plekken bezet', 'count not updated');
    expect(el.shadowRoot!.querySelector('[part~="rsvp-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(el.shadowRoot!.querySelector('.notice'))).to.equal('Fijn! U staat op de lijst voor "Repair Café december".');
    await expect(el).to.be.accessible();
  });

  it('shows titles, places and descriptions with HTML in them as text', async () => {
    const payload = '<img src=x onerror="window.hacked=1"><b>Feest</b>';
    eventsApi([meeting({ title: payload, location: payload, description: payload, initiative: { id: 'init000000000008', title: payload } })]);
    const el = await events(freshApi(SITE));
    expect(textOf(el.shadowRoot!.querySelector('[part="title"]'))).to.equal(payload);
    expect(textOf(el.shadowRoot!.querySelector('[part="initiative-link"]'))).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});
