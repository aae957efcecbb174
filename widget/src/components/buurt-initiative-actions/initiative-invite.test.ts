import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { InitiativeDetail, InvitationCandidate, InvitationCandidateList, Me, PendingInvitation } from '@buurtplein/sdk/contract';
import { authSession, freshApi, initiativeDetail, jsonResponse, me, stubFetch } from '../../../test/fetch-stub.js';
import { deepActiveElement, settle, textOf, textsIn, type } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtInitiativeActions } from './buurt-initiative-actions.js';

const SITE = 'invite-test';
const ID = 'init000000000001';
const OWNER = me({ id: 'user000000000001', displayName: 'Fatima El Amrani' });
const ORGANISER = me({ id: 'user000000000003', displayName: 'Sanne Bakker' });
const INVITEE = me({ id: 'user000000000009', displayName: 'Ruben Mulder', roles: ['resident', 'professional'], organisation: { id: 'org0000000000002', name: 'Woonstichting Voorbeeld' } });

defineElements();
await loadElement('buurt-initiative-actions');

const MARKUP = '<img src=x onerror="document.title=1">Bram';
const anouk: InvitationCandidate = { id: 'user000000000004', displayName: 'Anouk Jansen', organisation: null, jobTitle: null, reasons: ['supporter', 'commenter'] };
const bram: InvitationCandidate = { id: 'user000000000005', displayName: MARKUP, organisation: null, jobTitle: null, reasons: ['commenter'] };
const ruben: InvitationCandidate = {
  id: INVITEE.id,
  displayName: 'Ruben Mulder',
  organisation: { id: 'org0000000000002', name: 'Woonstichting Voorbeeld', kind: 'housing-corporation' },
  jobTitle: 'Wijkconsulent',
  reasons: ['serves-neighbourhood'],
};

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

/**
 * Mounts the actions for `user` with `viewer`, over a stand-in API whose candidates are filtered by
 * `q` like the worker's, and where an invitation moves the person to the open invitations.
 */
async function actions(user: Me, viewer: InitiativeDetail['viewer']) {
  let candidates = [anouk, bram, ruben];
  const invited: PendingInvitation[] = [];
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(user));
    if (url.pathname.endsWith('/invitation-candidates')) {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const list: InvitationCandidateList = { data: candidates.filter((c) => c.displayName.toLowerCase().split(' ').some((w) => w.startsWith(q))), invited };
      return jsonResponse(list);
    }
    if (call.method === 'POST' && url.pathname.endsWith('/members') && 'accept' in (call.body as object)) {
      return jsonResponse({ initiativeId: ID, userId: user.id, role: 'member', status: 'active' });
    }
    if (call.method === 'POST' && url.pathname.endsWith('/members')) {
      const { userId, role } = call.body as { userId: string; role: 'member' | 'organiser' };
      const person = candidates.find((c) => c.id === userId)!;
      candidates = candidates.filter((c) => c !== person);
      invited.push({ id: userId, displayName: person.displayName, organisation: person.organisation, role, invitedAt: '2026-11-28T10:00:00.000Z' });
      return jsonResponse({ initiativeId: ID, userId, role, status: 'invited' }, 201);
    }
    if (call.method === 'DELETE' && url.pathname.endsWith('/members/me')) return new Response(null, { status: 204 });
    return jsonResponse({});
  });
  const detail = initiativeDetail({ id: ID, status: 'gathering', offers: [], upcomingEvents: [], viewer });
  const el = await fixture<BuurtInitiativeActions>(html`<buurt-initiative-actions site=${SITE} api=${freshApi(SITE, user)} .detail=${detail}></buurt-initiative-actions>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed]'), 'not signed in');
  await settle(el);
  return el;
}

const root = (el: BuurtInitiativeActions) => el.shadowRoot!;
const button = (el: BuurtInitiativeActions, text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b) === text);
// Assertions compare texts, never elements: a failing comparison of elements prints the whole page.
const buttons = (el: BuurtInitiativeActions) => textsIn(root(el), 'button');
const candidateRequests = () => stub!.calls.filter((c) => c.url.pathname.endsWith('/invitation-candidates'));
const found = (el: BuurtInitiativeActions) => textOf(root(el).querySelector('#invite [role="status"]'));

describe('inviting from <buurt-initiative-actions>', () => {
  it('gives the owner "Uitnodigen": a labelled search over the people around the plan, as buttons, with the count said', async () => {
    const el = await actions(OWNER, { supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true });
    expect(root(el).querySelectorAll('#invite').length).to.equal(0);
    expect(candidateRequests()).to.have.length(0);

    const open = button(el, 'Uitnodigen')!;
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    open.click();
    await waitUntil(() => found(el) === '3 personen gevonden.', 'no candidates');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).querySelector('#invite [role="status"]')!.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(root(el).querySelector('label[for="invite-search"]'))).to.equal('Zoek op naam');
    expect(deepActiveElement()?.id).to.equal('invite-search');
    expect(textsIn(root(el), '#invite .items button')).to.deep.equal(['Anouk Jansen uitnodigen', `${MARKUP} uitnodigen`, 'Ruben Mulder uitnodigen']);
    expect(textsIn(root(el), '#invite .items .meta')).to.deep.equal(['Steunt dit initiatief · Schreef mee in de discussie', 'Schreef mee in de discussie', 'Professional in deze buurt']);
    expect(textsIn(root(el), '#invite .badge')).to.deep.equal(['Woningcorporatie: Woonstichting Voorbeeld']);
    // A name is text, never markup.
    expect(root(el).querySelectorAll('#invite img').length).to.equal(0);
    await expect(el).to.be.accessible();

    type(root(el).querySelector<HTMLInputElement>('#invite-search')!, 'rub');
    await waitUntil(() => found(el) === '1 persoon gevonden.', 'not filtered');
    expect(candidateRequests().at(-1)!.url.searchParams.get('q')).to.equal('rub');
    type(root(el).querySelector<HTMLInputElement>('#invite-search')!, 'xyz');
    await waitUntil(() => found(el) === 'Niemand gevonden.', 'still found someone');
  });

  it('invites the one chosen, in the role chosen, and shows them among the open invitations', async () => {
    const el = await actions(OWNER, { supports: false, membership: { role: 'owner', status: 'active' }, isOrganiser: true });
    button(el, 'Uitnodigen')!.click();
    await waitUntil(() => found(el) === '3 personen gevonden.', 'no candidates');
    const role = root(el).querySelector<HTMLSelectElement>('#invite-role')!;
    role.value = 'organiser';
    role.dispatchEvent(new Event('change'));
    button(el, 'Ruben Mulder uitnodigen')!.click();

    await waitUntil(() => found(el) === '2 personen gevonden.', 'list not read again');
    expect(stub!.calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/members'))!.body).to.deep.equal({ userId: ruben.id, role: 'organiser' });
    expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Ruben Mulder is uitgenodigd. Zodra die de uitnodiging aanneemt, doet die mee.');
    expect(textsIn(root(el), '#invite .items button')).to.deep.equal(['Anouk Jansen uitnodigen', `${MARKUP} uitnodigen`]);
    expect(textOf(root(el).querySelector('#invite h4:last-of-type'))).to.equal('Uitgenodigd, wacht op antwoord');
    expect(textsIn(root(el), '#invite .items:last-of-type .item')).to.deep.equal(['Ruben Mulder Mede-organisator Woningcorporatie: Woonstichting Voorbeeld']);
    await waitUntil(() => deepActiveElement()?.id === 'invite-search', 'focus lost with the button');
    await expect(el).to.be.accessible();
  });

  it('gives no way to invite to a co-organiser, and asks the API nothing', async () => {
    const el = await actions(ORGANISER, { supports: false, membership: { role: 'organiser', status: 'active' }, isOrganiser: true });
    expect(buttons(el)).not.to.include('Uitnodigen');
    expect(candidateRequests()).to.have.length(0);
  });

  it('tells an invited user they were invited, and lets them accept or decline', async () => {
    const el = await actions(INVITEE, { supports: false, membership: { role: 'member', status: 'invited' }, isOrganiser: false });
    // Loaded on demand, with the owner's tools: only a user with an invitation fetches it.
    await waitUntil(() => buttons(el).includes('Uitnodiging afslaan'), 'no answer to the invitation');
    expect(textOf(root(el).querySelector('.invited'))).to.equal('U bent uitgenodigd om mee te doen met dit initiatief.');
    expect(buttons(el)).to.include.members(['Uitnodiging aannemen', 'Uitnodiging afslaan']);
    expect(buttons(el)).not.to.include('Uitnodigen');
    await expect(el).to.be.accessible();

    let changed = 0;
    el.addEventListener('changed', () => changed++);
    button(el, 'Uitnodiging afslaan')!.click();
    await waitUntil(() => textOf(root(el).querySelector('[role="status"]')) === 'U heeft de uitnodiging afgeslagen.', 'not declined');
    expect(stub!.calls.at(-1)!.method).to.equal('DELETE');
    expect(stub!.calls.at(-1)!.url.pathname).to.equal(`/v1/sites/${SITE}/initiatives/${ID}/members/me`);
    expect(changed).to.equal(1);

    button(el, 'Uitnodiging aannemen')!.click();
    await waitUntil(() => textOf(root(el).querySelector('[role="status"]')) === 'U doet mee! De organisatoren zien dat u meedoet.', 'not accepted');
    expect(stub!.calls.at(-1)!.body).to.deep.equal({ accept: true });
    expect(changed).to.equal(2);
  });
});
