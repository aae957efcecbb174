import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CreateInitiativeRequest } from '@buurtplein/sdk/contract';
import { authSession, freshApi, initiativeDetail, jsonResponse, me, site, stubFetch, type StubCall } from '../../../test/fetch-stub.js';
import { deepActiveElement, settle, textOf, type } from '../../../test/dom.js';
import { defineElements } from '../../define-elements.js';
import { loadElement } from '../../element-chunks.js';
import type { BuurtStartInitiative } from './buurt-start-initiative.js';

const SITE = 'start-test';
const NEIGHBOURHOODS = [
  { id: 'nbhd000000000001', name: 'Bloemenbuurt', cbsCode: 'BU05990101', postcodes: [] },
  { id: 'nbhd000000000002', name: 'Havenkwartier', cbsCode: 'BU05990102', postcodes: [] },
];

defineElements();
await loadElement('buurt-start-initiative');

let stub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  stub?.restore();
  stub = undefined;
  localStorage.clear();
});

/** The API: site config, refresh for a signed-in user, and `create` for the POST. */
function api(create: (call: StubCall) => Response | Promise<Response> = () => jsonResponse(initiativeDetail(), 201)) {
  stub = stubFetch((url, call) => {
    if (url.pathname.endsWith('/auth/refresh')) return jsonResponse(authSession(me()));
    if (call.method === 'POST' && url.pathname.endsWith('/initiatives')) return create(call);
    return jsonResponse(site({ key: SITE, neighbourhoods: NEIGHBOURHOODS }));
  });
  return stub;
}

async function form(apiUrl: string) {
  const el = await fixture<BuurtStartInitiative>(html`<buurt-start-initiative site=${SITE} api=${apiUrl}></buurt-start-initiative>`);
  await settle(el);
  return el;
}

const $ = <T extends HTMLElement>(el: BuurtStartInitiative, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function fill(el: BuurtStartInitiative) {
  type($(el, '#title'), 'Bloembakken langs de kade');
  type($(el, '#summary'), 'Samen bloembakken maken.');
  const select = $<HTMLSelectElement>(el, '#neighbourhood');
  select.value = 'nbhd000000000002';
  select.dispatchEvent(new Event('change'));
  $<HTMLInputElement>(el, 'fieldset input[type="checkbox"]').click();
}

describe('buurt-start-initiative', () => {
  it('marks what is missing at each field and moves focus to the first', async () => {
    api();
    const el = await form(freshApi(SITE, me()));
    $(el, 'button[type="submit"]').click();
    await settle(el);

    const title = $(el, '#title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('title-hint title-error');
    expect(textOf($(el, '#title-error'))).to.equal('Geef uw initiatief een titel van minstens 3 tekens.');
    expect(textOf($(el, '#neighbourhood-error'))).to.equal('Kies de buurt van uw initiatief.');
    expect(deepActiveElement()).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it('keeps a draft per site and finds it again after a reload', async () => {
    api();
    const url = freshApi(SITE);
    const first = await form(url);
    fill(first);
    first.remove();

    const again = await form(url);
    expect($<HTMLInputElement>(again, '#title').value).to.equal('Bloembakken langs de kade');
    expect($<HTMLInputElement>(again, '#summary').value).to.equal('Samen bloembakken maken.');
    expect($<HTMLSelectElement>(again, '#neighbourhood').value).to.equal('nbhd000000000002');
    expect($<HTMLInputElement>(again, 'fieldset input[type="checkbox"]').checked).to.equal(true);
    expect(textOf($(again, '[role="status"]'))).to.equal('Uw concept is teruggezet.');
    await expect(again).to.be.accessible();
  });

  it('asks a signed-out resident to sign in when posting, keeping the text', async () => {
    api();
    const el = await form(freshApi(SITE));
    fill(el);
    let asked = 0;
    el.addEventListener('buurt-sign-in-requested', (event) => {
      asked++;
      event.preventDefault();
    });
    $(el, 'button[type="submit"]').click();
    await settle(el);

    expect(asked).to.equal(1);
    expect(stub!.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/initiatives'))).to.have.length(0);
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Bloembakken langs de kade');
    await expect(el).to.be.accessible();
  });

  it('keeps the text when a post fails, says so, and retries once with the same Idempotency-Key', async () => {
    let posts = 0;
    api(() => {
      if (++posts === 1) throw new TypeError('Failed to fetch');
      return jsonResponse(initiativeDetail({ id: 'init000000000099', title: 'Bloembakken langs de kade' }), 201);
    });
    const el = await form(freshApi(SITE, me()));
    await waitUntil(() => textOf($(el, 'p')).startsWith('U plaatst dit als'), 'not signed in');
    fill(el);
    const created: string[] = [];
    el.addEventListener('buurt-initiative-created', (event) => created.push(event.detail.initiative.id));

    $(el, 'button[type="submit"]').click();
    await waitUntil(() => textOf($(el, '.notice.problem')) !== '', 'no problem shown');
    expect(textOf($(el, '.notice.problem'))).to.equal('Er is geen verbinding met Buurtplein. Uw tekst is bewaard; probeer het zo opnieuw.');
    expect(textOf($(el, '[role="status"]'))).to.equal(textOf($(el, '.notice.problem')));
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Bloembakken langs de kade');
    expect(textOf($(el, 'button[type="submit"]'))).to.equal('Opnieuw plaatsen');
    await expect(el).to.be.accessible();

    $(el, 'button[type="submit"]').click();
    await waitUntil(() => created.length === 1, 'not created');
    const postCalls = stub!.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/initiatives'));
    expect(postCalls).to.have.length(2);
    expect(postCalls[0]!.idempotencyKey).to.be.a('string');
    expect(postCalls[1]!.idempotencyKey).to.equal(postCalls[0]!.idempotencyKey);
    expect(postCalls[1]!.body as CreateInitiativeRequest).to.deep.include({ title: 'Bloembakken langs de kade', neighbourhood: 'nbhd000000000002', themes: ['green'] });
    expect(Object.keys(localStorage).filter((key) => key.includes(':draft:'))).to.deep.equal([]);
    await settle(el);
    expect(textOf($(el, 'h2'))).to.equal('Uw initiatief staat online');
    await expect(el).to.be.accessible();
  });
});
