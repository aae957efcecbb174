import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ModerationLogEntry, ModerationQueueItem } from '@buurtplein/sdk/contract';
import { deepActiveElement, textOf } from '../../../test/dom.js';
import { defineConsoleElements } from '../define-console-elements.js';
import { authSession, isRefresh, json, problem, signedInApi, stubFetch, user, type SentRequest } from '../test/console-fetch.js';
import type { BuurtConsoleModeration } from './buurt-console-moderation.js';

const SITE = 'gemeente-voorbeeldstad';
const XSS = '<img src=x onerror="window.__xss=1">Kijk op <script>window.__xss=2</script> mijn site';

defineConsoleElements();

function item(overrides: Partial<ModerationQueueItem> = {}): ModerationQueueItem {
  return {
    targetType: 'comment',
    targetId: 'cmnt000000000001',
    state: 'visible',
    text: XSS,
    author: { id: 'user000000000003', displayName: 'Joost' },
    neighbourhoodId: 'nbhd000000000001',
    reportCount: 2,
    reasons: [
      { reason: 'spam', count: 1 },
      { reason: 'offensive', count: 1 },
    ],
    notes: ['Dit is reclame.'],
    firstReportedAt: '2026-10-01T10:00:00.000Z',
    ...overrides,
  };
}

const ENTRY: ModerationLogEntry = {
  id: 'mlog000000000001',
  action: 'auto-hide',
  targetType: 'comment',
  targetId: 'cmnt000000000002',
  userId: 'user000000000004',
  actor: { kind: 'system', id: null },
  reason: 'Drie meldingen',
  createdAt: '2026-10-02T10:00:00.000Z',
};

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  delete (window as { __xss?: number }).__xss;
});

/** The API of a moderator: the queue holds `queue`, decisions answer with `decide`. */
function answer(queue: ModerationQueueItem[] | (() => ModerationQueueItem[]), decide: (request: SentRequest) => Response = () => json(ENTRY, 201)) {
  stub = stubFetch((request) => {
    if (isRefresh(request)) return json(authSession(user(['moderator'])));
    const path = request.url.pathname;
    if (path.endsWith('/moderation/queue')) return json({ data: typeof queue === 'function' ? queue() : queue });
    if (path.endsWith('/moderation/audit-log')) return json({ data: [ENTRY], nextCursor: null });
    if (path.endsWith('/moderation/actions')) return decide(request);
    return problem('not-found', 404);
  });
  return stub;
}

async function section(canAct = true) {
  const { api } = signedInApi(SITE, user(['moderator']));
  const el = await fixture<BuurtConsoleModeration>(
    html`<buurt-console-moderation .api=${api} site=${SITE} ?can-act=${canAct}></buurt-console-moderation>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.log'), 'audit log not shown');
  return el;
}

const $ = <E extends Element = HTMLElement>(el: BuurtConsoleModeration, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

describe('buurt-console-moderation', function (this: { timeout(ms: number): void }) {
  // axe over a whole console section takes more than mocha's default 2 s on a busy machine.
  this.timeout(10_000);

  it('groups each reported item with its count, reasons, notes and author, and shows the reported text as text', async () => {
    answer([item()]);
    const el = await section();
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'queue not shown');

    expect(textOf($(el, '.item h4'))).to.equal('Reactie · 2 meldingen');
    expect([...el.shadowRoot!.querySelectorAll('.reasons li')].map(textOf)).to.deep.equal(['Spam (1)', 'Kwetsend (1)']);
    expect(textOf($(el, '.notes'))).to.equal('Dit is reclame.');
    expect(textOf($(el, '.item .facts'))).to.contain('Joost');
    expect($(el, '.reported-text').textContent).to.equal(XSS);
    expect(el.shadowRoot!.querySelector('.reported-text img, .reported-text script')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('asks for a reason before hiding, ties the error to the field and moves focus there', async () => {
    const sent = answer([item()]);
    const el = await section();
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'queue not shown');

    $(el, 'button[data-action="hide"]').click();
    await el.updateComplete;
    const reason = $<HTMLTextAreaElement>(el, '#decision-reason');
    expect(deepActiveElement()).to.equal(reason);
    $<HTMLFormElement>(el, 'form.decision').requestSubmit();
    await el.updateComplete;

    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(reason.getAttribute('aria-describedby')).to.contain('decision-error');
    expect(textOf($(el, '#decision-error'))).to.contain('minstens 3 tekens');
    expect(sent.requests.some((r) => r.url.pathname.endsWith('/actions'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('hides with the reason, announces it and loads the queue again', async () => {
    let queue = [item()];
    const sent = answer(
      () => queue,
      () => {
        queue = [];
        return json({ ...ENTRY, action: 'hide', actor: { kind: 'user', id: 'user000000000009' } }, 201);
      },
    );
    const el = await section();
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'queue not shown');

    $(el, 'button[data-action="hide"]').click();
    await el.updateComplete;
    const reason = $<HTMLTextAreaElement>(el, '#decision-reason');
    reason.value = 'Reclame voor een webwinkel';
    reason.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, 'form.decision').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.queue') === null, 'queue not reloaded');

    const action = sent.requests.find((r) => r.url.pathname.endsWith('/moderation/actions'))!;
    expect(action.method).to.equal('POST');
    expect(action.url.pathname).to.equal(`/v1/sites/${SITE}/moderation/actions`);
    expect(action.body).to.deep.equal({ action: 'hide', targetType: 'comment', targetId: 'cmnt000000000001', reason: 'Reclame voor een webwinkel' });
    expect(action.headers.get('Authorization')).to.equal('Bearer aaa.bbb.ccc');
    expect(action.headers.get('Idempotency-Key')).to.be.a('string');
    expect(textOf($(el, '[role="status"]'))).to.equal('Reactie verborgen. De schrijver krijgt de reden per e-mail.');
    expect(textOf($(el, '.message'))).to.equal('Er is niets te beoordelen.');
  });

  it('blocks the author by user id, and offers restore for hidden content', async () => {
    const sent = answer([item({ state: 'hidden' })]);
    const el = await section();
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'queue not shown');
    const actions = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].map((b) => b.dataset.action);
    expect(actions).to.deep.equal(['restore', 'dismiss', 'block-user']);

    $(el, 'button[data-action="block-user"]').click();
    await el.updateComplete;
    const reason = $<HTMLTextAreaElement>(el, '#decision-reason');
    reason.value = 'Herhaaldelijk reclame';
    reason.dispatchEvent(new Event('input'));
    $<HTMLFormElement>(el, 'form.decision').requestSubmit();
    await waitUntil(() => sent.requests.some((r) => r.url.pathname.endsWith('/actions')), 'no action sent');
    const action = sent.requests.find((r) => r.url.pathname.endsWith('/actions'))!;
    expect(action.body).to.deep.equal({ action: 'block-user', userId: 'user000000000003', reason: 'Herhaaldelijk reclame' });
  });

  it('shows the audit log with system decisions; a network admin without the moderator role sees only the log', async () => {
    const sent = answer([item()]);
    const el = await section(false);

    expect(el.shadowRoot!.querySelector('#queue-heading')).to.equal(null);
    expect(sent.requests.some((r) => r.url.pathname.endsWith('/queue'))).to.equal(false);
    const cells = [...el.shadowRoot!.querySelectorAll('.log tbody td')].map(textOf);
    expect(cells).to.include('Automatisch verborgen na meldingen');
    expect(cells).to.include('systeem');
    expect(cells).to.include('Drie meldingen');
    await expect(el).to.be.accessible();
  });
});
