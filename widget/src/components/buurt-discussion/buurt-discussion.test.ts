import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Comment } from '@buurtplein/sdk/contract';
import { authSession, freshApi, jsonResponse, me, stubFetch } from '../../../test/fetch-stub.js';
import { settle, textOf, textsIn, type } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtDiscussion } from './buurt-discussion.js';

const SITE = 'discussion-test';
const THREAD = 'thrd000000000001';
const FATIMA = me({ id: 'user000000000001', displayName: 'Fatima El Amrani' });
const JOOST = { id: 'user000000000002', displayName: 'Joost de Vries', professional: false, organisation: null };
const LOTTE = { id: 'user000000000003', displayName: 'Lotte Visser', professional: true, organisation: { id: 'org0000000000001', name: 'Gemeente Voorbeeldstad' } };

defineElements();
await loadElement('buurt-discussion');

let serial = 0;
function comment(overrides: Partial<Comment> = {}): Comment {
  serial++;
  return {
    id: `cmnt${String(serial).padStart(12, '0')}`,
    threadId: THREAD,
    parentId: null,
    depth: 0,
    kind: 'comment',
    status: 'visible',
    body: `Reactie ${serial}`,
    author: JOOST,
    eventId: null,
    replyCount: 0,
    createdAt: '2026-10-01T10:00:00.000Z',
    editedAt: null,
    ...overrides,
  };
}

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

const own = comment({ author: { ...FATIMA, professional: false, organisation: null }, body: 'Mijn eigen reactie' });
const professional = comment({ author: LOTTE, body: 'De gemeente denkt mee.', replyCount: 1 });
const deep = comment({ parentId: professional.id, depth: 3, body: 'Diep antwoord' });

function discussionApi() {
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(FATIMA));
    if (call.method === 'POST' && url.pathname.endsWith('/comments')) return jsonResponse(comment({ author: { ...FATIMA, professional: false, organisation: null }, body: (call.body as { body: string }).body }), 201);
    if (call.method === 'POST' && url.pathname.endsWith('/reports')) return jsonResponse({ id: 'rprt000000000001' }, 201);
    if (url.searchParams.get('parent') === professional.id) return jsonResponse({ data: [deep], nextCursor: null });
    return jsonResponse({ data: [own, professional], nextCursor: null });
  });
  return stub;
}

async function discussion(api: string) {
  const el = await fixture<BuurtDiscussion>(html`<buurt-discussion site=${SITE} api=${api} thread=${THREAD}></buurt-discussion>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="comment"]'), 'no comments');
  await settle(el);
  return el;
}

const buttons = (root: ParentNode) => textsIn(root, ':scope > article .tools button');

describe('buurt-discussion', () => {
  it('shows comments with the professional’s badge, and asks a signed-out resident to sign in', async () => {
    discussionApi();
    const el = await discussion(freshApi(SITE));
    const items = el.shadowRoot!.querySelectorAll('[part="comment"]');
    expect(textsIn(el.shadowRoot!, '.text')).to.deep.equal(['Mijn eigen reactie', 'De gemeente denkt mee.']);
    expect(textOf(items[1]!.querySelector('.badge'))).to.equal('Professional · Gemeente Voorbeeldstad');
    expect(buttons(items[0]!)).to.deep.equal([]);
    expect(textOf(el.shadowRoot!.querySelector('.actions button'))).to.equal('Inloggen om te reageren');
    await expect(el).to.be.accessible();
  });

  it('offers edit and delete on one’s own comment, reply and report on others’, and no reply below depth 3', async () => {
    discussionApi();
    const el = await discussion(freshApi(SITE, FATIMA));
    await waitUntil(() => el.shadowRoot!.querySelector('#new-comment'), 'not signed in');
    const items = el.shadowRoot!.querySelectorAll('[part="comment"]');
    expect(buttons(items[0]!)).to.deep.equal(['Reageren', 'Bewerken', 'Verwijderen']);
    expect(buttons(items[1]!)).to.deep.equal(['Reageren', 'Melden', 'Toon 1 antwoord']);

    (items[1]!.querySelector('.tools:last-of-type button') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="comment"]').length === 3, 'replies not shown');
    const reply = el.shadowRoot!.querySelectorAll('[part="comment"]')[2]!;
    expect(buttons(reply)).to.deep.equal(['Melden']);
    await expect(el).to.be.accessible();
  });

  it('posts a comment from a kept draft and clears the draft', async () => {
    discussionApi();
    localStorage.setItem(`buurtplein:${SITE}:draft:comment:${THREAD}`, JSON.stringify({ value: 'Ik doe mee!' }));
    const el = await discussion(freshApi(SITE, FATIMA));
    await waitUntil(() => el.shadowRoot!.querySelector('#new-comment'), 'not signed in');
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#new-comment')!;
    expect(field.value).to.equal('Ik doe mee!');
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('.post-form button[type="submit"]')!.click();
    await waitUntil(() => textsIn(el.shadowRoot!, '.text').includes('Ik doe mee!'), 'comment not shown');
    const post = stub!.calls.find((c) => c.method === 'POST' && c.url.pathname.endsWith('/comments'))!;
    expect(post.body).to.deep.equal({ body: 'Ik doe mee!' });
    expect(post.idempotencyKey).to.be.a('string');
    expect(localStorage.getItem(`buurtplein:${SITE}:draft:comment:${THREAD}`)).to.equal(null);
    expect(textOf(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Uw reactie is geplaatst.');
    await expect(el).to.be.accessible();
  });

  it('reports someone else’s comment with a reason', async () => {
    discussionApi();
    const el = await discussion(freshApi(SITE, FATIMA));
    await waitUntil(() => el.shadowRoot!.querySelector('#new-comment'), 'not signed in');
    const item = el.shadowRoot!.querySelectorAll('[part="comment"]')[1]!;
    [...item.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => textOf(b) === 'Melden')!.click();
    await settle(el);
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('form.report')!;
    form.querySelector<HTMLSelectElement>('select')!.value = 'offensive';
    type(form.querySelector('textarea')!, 'Niet aardig.');
    await expect(el).to.be.accessible();
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await waitUntil(() => textOf(el.shadowRoot!.querySelector('[role="status"]')) === 'Bedankt. Een moderator kijkt naar uw melding.', 'not reported');
    expect(stub!.calls.find((c) => c.url.pathname.endsWith('/reports'))!.body).to.deep.equal({
      targetType: 'comment',
      targetId: professional.id,
      reason: 'offensive',
      note: 'Niet aardig.',
    });
  });
});
