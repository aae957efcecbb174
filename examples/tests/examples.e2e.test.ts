import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitiativePage, Problem } from '@buurtplein/sdk/contract';
import type { Buurtplein } from '@buurtplein/sdk/embed';
import type { Browser, Page } from 'playwright-core';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

/** Opens an example page and returns the titles of the initiative cards once they are rendered. */
async function cardTitles(page: Page, path: string): Promise<string[]> {
  await page.goto(worker.baseUrl + path);
  // Playwright's CSS locators pierce open shadow roots, as a resident's eyes do.
  const titles = page.locator('buurt-initiatives [part~="card"] [part~="title"]');
  await titles.first().waitFor({ timeout: 20_000 });
  return titles.allTextContents().then((all) => all.map((t) => t.trim()));
}

describe('example host pages', () => {
  it('the municipality page shows seeded initiatives from all its neighbourhoods', async () => {
    const page = await browser.newPage();
    const titles = await cardTitles(page, '/gemeente-voorbeeldstad/');
    assert.ok(titles.includes('Buurtmoestuin achter de Havenflat'), titles.join(', '));
    assert.ok(titles.includes('Geveltuinen in de Tulpstraat'), titles.join(', '));
    await page.close();
  });

  it('the housing corporation page shows the shared neighbourhood’s initiatives and not the others', async () => {
    const page = await browser.newPage();
    const titles = await cardTitles(page, '/woonstichting-voorbeeld/');
    assert.ok(titles.includes('Buurtmoestuin achter de Havenflat'), titles.join(', '));
    assert.ok(!titles.includes('Geveltuinen in de Tulpstraat'), 'Bloemenbuurt is not on the corporation’s site');
    await page.close();
  });

  it('the first view takes exactly one API request, started before the elements are defined', async () => {
    const page = await browser.newPage();
    // The corporation's page with its snippet and list only: the other elements further down make requests of their own.
    await page.route(
      (url) => url.pathname === '/woonstichting-voorbeeld/',
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<buurt-(plein|events|professionals)\b[^>]*><\/buurt-\1>/g, '');
        await route.fulfill({ response, body: html });
      },
    );
    const apiRequests: string[] = [];
    const order: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/')) apiRequests.push(url.pathname + url.search);
      if (url.pathname.startsWith('/v1/') || url.pathname.endsWith('.elements.js')) order.push(url.pathname);
    });
    await cardTitles(page, '/woonstichting-voorbeeld/');
    assert.equal(await page.locator('buurt-plein, buurt-events, buurt-professionals').count(), 0);
    assert.deepEqual(apiRequests, ['/v1/sites/woonstichting-voorbeeld/bootstrap?neighbourhood=BU05990102']);
    assert.equal(order[0], '/v1/sites/woonstichting-voorbeeld/bootstrap', `request order: ${order.join(' → ')}`);
    await page.close();
  });

  /**
   * The corporation's page with its list alone, below two screens of the host's own content, and no host calls
   * (its plugins and its login call the embed API, which needs the elements at once).
   */
  async function listFarDown({ far = true, lang = 'nl' } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route(
      (url) => url.pathname === '/woonstichting-voorbeeld/',
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text())
          .replace(/<buurt-(plein|events|professionals)\b[^>]*><\/buurt-\1>/g, '')
          .replace(/<script src="\/woonstichting-voorbeeld\/[^"]+"[^>]*><\/script>/g, '')
          .replace(/<buurt-initiatives neighbourhood/, far ? '<div id="host-content" style="height: 1600px"></div>$&' : '$&')
          .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`);
        await route.fulfill({ response, body: html });
      },
    );
    return page;
  }

  it('a list far down the page loads the elements only when a resident nears it, and still takes one API request', async () => {
    const page = await listFarDown();
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/') || /\.(elements|paint)\.js$/.test(url.pathname)) requests.push(url.pathname);
    });
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requests, ['/v1/sites/woonstichting-voorbeeld/bootstrap'], 'before scrolling: the first view’s data only');
    assert.equal(await page.evaluate(() => customElements.get('buurt-initiatives')), undefined);

    await page.mouse.wheel(0, 1800);
    const titles = page.locator('buurt-initiatives [part~="card"] [part~="title"]');
    await titles.first().waitFor({ timeout: 20_000 });
    assert.ok((await titles.allTextContents()).some((t) => t.includes('Buurtmoestuin achter de Havenflat')));
    // A page with one list paints its cards without Lit.
    assert.deepEqual(requests, ['/v1/sites/woonstichting-voorbeeld/bootstrap', '/buurtplein.paint.js'], `requests: ${requests.join(' → ')}`);

    // A host call needs the elements: it loads them at once, wherever the list is.
    requests.length = 0;
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    const definedWhenReady = await page.evaluate(async () => {
      await (window as unknown as { Buurtplein: Buurtplein }).Buurtplein.ready();
      return customElements.get('buurt-initiatives') !== undefined;
    });
    assert.ok(requests.includes('/buurtplein.elements.js'), `requests: ${requests.join(' → ')}`);
    // As the README says, a host may call the list's methods once ready() has resolved.
    assert.equal(definedWhenReady, true, 'ready() resolved before the list was defined');
    // So does a deep link into the widget.
    requests.length = 0;
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/?buurt=starten');
    await page.waitForLoadState('networkidle');
    assert.ok(requests.includes('/buurtplein.elements.js'), `requests: ${requests.join(' → ')}`);
    await page.close();
  });

  /** The painted list's state: whether Lit has defined it, its cards' titles, and the text a resident sees. */
  const listState = (page: Page) =>
    page.evaluate(() => {
      const list = document.querySelector('buurt-initiatives')!;
      const titles = [...list.shadowRoot!.querySelectorAll('[part~="title"]')].map((title) => title.textContent!.trim());
      return { defined: customElements.get('buurt-initiatives') !== undefined, titles, text: (list.shadowRoot!.querySelector('[part~="base"]') as HTMLElement).innerText };
    });

  it('a page with one list shows its cards before Lit loads, and Lit takes over when a resident tabs into it, keeping focus and text', async () => {
    const page = await listFarDown({ far: false });
    const scripts: string[] = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname;
      if (/^\/buurtplein\.[^/]*\.js$/.test(name)) scripts.push(name);
    });
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    await page.locator('buurt-initiatives [part~="card"] [part~="title"]').first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    const painted = await listState(page);
    assert.equal(painted.defined, false, 'Lit has not loaded');
    assert.ok(!scripts.includes('/buurtplein.elements.js'), `scripts: ${scripts.join(', ')}`);
    assert.ok(painted.titles.includes('Buurtmoestuin achter de Havenflat'), painted.titles.join(', '));
    assert.match(painted.text, /Status:\s*\S+/);
    assert.match(painted.text, /buren? steun/);

    // Tab to the first card's link, as a keyboard user does: Lit loads and renders the same list.
    await page.locator('buurt-initiatives [part~="link"]').first().focus();
    await page.waitForFunction(() => customElements.get('buurt-initiatives') !== undefined, undefined, { timeout: 20_000 });
    await page.evaluate(() => (document.querySelector('buurt-initiatives') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
    const taken = await listState(page);
    assert.ok(scripts.includes('/buurtplein.elements.js'), `scripts: ${scripts.join(', ')}`);
    assert.deepEqual(taken.titles, painted.titles);
    assert.equal(taken.text, painted.text, 'the resident sees the same list');
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent?.trim());
    assert.equal(focused, painted.titles[0], 'focus stays on the first card’s link');
    await page.close();
  });

  it('a click on a painted card before Lit has loaded is given to Lit’s card, which tells the host', async () => {
    const page = await listFarDown({ far: false });
    // The elements module comes slowly: the click lands on the painted card.
    await page.route(
      (url) => url.pathname === '/buurtplein.elements.js',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      },
    );
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    const link = page.locator('buurt-initiatives [part~="link"]').first();
    await link.waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      document.addEventListener('buurt-initiative-selected', (event) => {
        event.preventDefault();
        (window as unknown as { selected: string }).selected = (event as CustomEvent<{ id: string }>).detail.id;
      });
    });
    const before = page.url();
    assert.equal((await listState(page)).defined, false);
    await link.click({ timeout: 15_000 });
    const selected = await page.waitForFunction(() => (window as unknown as { selected?: string }).selected, undefined, { timeout: 20_000 });
    assert.ok(String(await selected.jsonValue()).length > 0);
    assert.equal(page.url(), before, 'the host took over: the page did not navigate');
    await page.close();
  });

  it('a painted list on an English page speaks English', async () => {
    const page = await listFarDown({ far: false, lang: 'en' });
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    await page.locator('buurt-initiatives [part~="card"] [part~="title"]').first().waitFor({ timeout: 20_000 });
    const { defined, text } = await listState(page);
    assert.equal(defined, false);
    assert.match(text, /neighbours? supports?/);
    assert.match(text, /\d+ initiatives? found\./);
    assert.doesNotMatch(text, /steun|gevonden|Buurt:/);
    await page.close();
  });

  it('a list a single-page host adds at the top while the first is far down shows once the host calls ready(), as the README says', async () => {
    const page = await listFarDown();
    await page.goto(worker.baseUrl + '/woonstichting-voorbeeld/');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => customElements.get('buurt-initiatives')), undefined, 'nothing near the viewport yet');

    await page.evaluate(async () => {
      document.body.insertAdjacentHTML('afterbegin', '<section><buurt-initiatives id="added" limit="3"></buurt-initiatives></section>');
      await (window as unknown as { Buurtplein: Buurtplein }).Buurtplein.ready();
    });
    const titles = page.locator('#added [part~="card"] [part~="title"]');
    await titles.first().waitFor({ timeout: 20_000 });
    assert.equal(await titles.count(), 3);
    await page.close();
  });

  it('both pages show the coming meetings and the professionals of the neighbourhoods they show', async () => {
    const page = await browser.newPage();
    const shown = async (path: string) => {
      await page.goto(worker.baseUrl + path);
      const meetings = page.locator('buurt-events [part~="event"] [part~="title"]');
      const helpers = page.locator('buurt-professionals [part~="professional"] [part~="name"]');
      await meetings.first().waitFor({ timeout: 20_000 });
      await helpers.first().waitFor({ timeout: 20_000 });
      const texts = async (locator: typeof meetings) => (await locator.allTextContents()).map((t) => t.trim());
      return { meetings: await texts(meetings), helpers: await texts(helpers) };
    };
    const gemeente = await shown('/gemeente-voorbeeldstad/');
    // The demo's coffee hour is always nine days after seeding: among the four soonest meetings.
    assert.ok(gemeente.meetings.includes('Koffie-uurtje in de Havenflat'), gemeente.meetings.join(', '));
    assert.deepEqual(gemeente.helpers, ['Esra Kaya', 'Lotte Visser', 'Ruben Mulder']);
    const woonstichting = await shown('/woonstichting-voorbeeld/');
    assert.ok(woonstichting.meetings.includes('Koffie-uurtje in de Havenflat'), woonstichting.meetings.join(', '));
    assert.ok(woonstichting.meetings.every((title) => !title.includes('Tulpstraat') && !title.includes('Akkers')), 'only the Havenkwartier’s meetings');
    assert.deepEqual(woonstichting.helpers, ['Lotte Visser', 'Ruben Mulder']);
    await page.close();
  });

  it('the landing page links to both example sites', async () => {
    const page = await browser.newPage();
    await page.goto(worker.baseUrl + '/');
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/gemeente-voorbeeldstad/'));
    assert.ok(hrefs.includes('/woonstichting-voorbeeld/'));
    await page.close();
  });
});

describe('the running API', () => {
  it('keeps networks apart: Andersdorp does not know a Voorbeeldstad initiative', async () => {
    const list = (await (await fetch(`${worker.baseUrl}/v1/sites/gemeente-voorbeeldstad/initiatives?limit=1`)).json()) as InitiativePage;
    const id = list.data[0]!.id;
    const res = await fetch(`${worker.baseUrl}/v1/sites/andersdorp/initiatives/${id}`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });

  it('answers an unknown site and an oversized limit with problem details', async () => {
    const nope = await fetch(`${worker.baseUrl}/v1/sites/nope`);
    assert.equal(nope.status, 404);
    assert.match(((await nope.json()) as Problem).type, /\/site-not-found$/);
    const big = await fetch(`${worker.baseUrl}/v1/sites/gemeente-voorbeeldstad/initiatives?limit=500`);
    assert.equal(big.status, 400);
    assert.match(((await big.json()) as Problem).type, /\/invalid-request$/);
  });

  it('grants CORS to the local server’s own origin in development, and to no stranger', async () => {
    const own = await fetch(`${worker.baseUrl}/v1/sites/gemeente-voorbeeldstad`, { headers: { Origin: worker.baseUrl } });
    assert.equal(own.headers.get('access-control-allow-origin'), worker.baseUrl);
    const stranger = await fetch(`${worker.baseUrl}/v1/sites/gemeente-voorbeeldstad`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
  });
});
