// The corporation's page as a host developer built it: the copy-paste stub queues its calls before
// buurtplein.js has run, the script replays them, and the two example plugins do their work — the
// housing complexes of the initiative's neighbourhood show under it, and the page's analytics array
// receives the events of opening an initiative and supporting it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Buurtplein } from '@buurtplein/sdk/embed';
import { signSsoToken } from '@buurtplein/sdk/server';
import type { Browser, Page } from 'playwright-core';
import { readDevVars } from '../../scripts/local-server.js';
import { demoInitiativeId } from '../../worker/src/db/seed.js';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

const SITE = 'woonstichting-voorbeeld';
const MOESTUIN = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

/** The page's globals, as the stub, the script tag and the analytics plugin leave them. */
type HostWindow = { Buurtplein?: Partial<Buurtplein> & { q?: ArrayLike<unknown>[] }; dataLayer: DataLayerEntry[] };

interface DataLayerEntry {
  event: string;
  [field: string]: unknown;
}

/**
 * Opens the corporation's page with buurtplein.js held back until the page's stub has recorded
 * `calls` calls, so they are certainly made before the script ran.
 */
async function openWithScriptHeld(page: Page, calls: number): Promise<void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/buurtplein.js', async (route) => {
    await released;
    await route.continue();
  });
  // An async script holds back the load event, not DOMContentLoaded.
  await page.goto(`${worker.baseUrl}/woonstichting-voorbeeld/`, { waitUntil: 'domcontentloaded' });
  const recorded = await page.waitForFunction(
    (count) => {
      const stub = (window as unknown as HostWindow).Buurtplein;
      return !stub?.version && (stub?.q?.length ?? 0) >= count && Array.from(stub!.q!, (call) => String(call[0]));
    },
    calls,
    { timeout: 20_000 },
  );
  assert.deepEqual(await recorded.jsonValue(), ['use', 'use'], 'the page’s stub did not record its two plugins');
  release();
  await page.waitForFunction(() => typeof (window as unknown as HostWindow).Buurtplein?.version === 'string', undefined, { timeout: 20_000 });
}

describe('the embed API and plugins on the corporation’s page', () => {
  it('replays the stub’s calls, shows the housing complexes on an initiative, and sends opening and supporting it to the analytics array', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openWithScriptHeld(page, 2);

    // A tenant signed in through the corporation's login: the page hands the token over.
    const token = await signSsoToken({ site: SITE, kid: 'dev', secret: readDevVars().get('SSO_SECRET_WOONSTICHTING_VOORBEELD')!, sub: 'embed-plugins-tenant', name: 'Noor Visser' });
    const user = await page.evaluate((sso) => (window as unknown as HostWindow).Buurtplein!.login!(sso), token);
    assert.equal(user.displayName, 'Noor Visser');

    // Opening an initiative from the plein's list.
    await page.locator('buurt-plein [part~="title"] a', { hasText: 'Buurtmoestuin achter de Havenflat' }).click();
    const view = page.locator('buurt-plein buurt-initiative');
    await view.locator('[part="heading"]', { hasText: 'Buurtmoestuin achter de Havenflat' }).waitFor({ timeout: 20_000 });

    // The wooncomplex plugin's section: the complexes of the Havenkwartier, not those of De Akkers.
    const section = view.locator('[part="plugin-section"][data-plugin="wooncomplex"]');
    await section.waitFor({ timeout: 20_000 });
    assert.equal((await section.locator('[part="plugin-section-heading"]').textContent())?.trim(), 'Wooncomplexen in deze buurt');
    const complexes = await section.locator('li strong').allTextContents();
    assert.deepEqual(complexes, ['De Havenflat', 'Kadehof']);
    assert.match((await section.locator('li').first().textContent()) ?? '', /Huismeester: Ruben Mulder/);

    // Supporting it.
    await view.getByRole('button', { name: 'Ik steun dit' }).click();
    await view.getByText('Bedankt! U steunt dit initiatief.').waitFor({ timeout: 20_000 });

    const entries = await page.waitForFunction(
      () => {
        const layer = (window as unknown as HostWindow).dataLayer;
        return layer.some((entry) => entry.event === 'buurt-initiative-supported') && layer;
      },
      undefined,
      { timeout: 20_000 },
    );
    const layer = (await entries.jsonValue()) as DataLayerEntry[];
    const selected = layer.find((entry) => entry.event === 'buurt-initiative-selected');
    const supported = layer.find((entry) => entry.event === 'buurt-initiative-supported');
    assert.deepEqual(selected, { event: 'buurt-initiative-selected', site: SITE, initiativeId: MOESTUIN });
    assert.equal(supported?.initiativeId, MOESTUIN);
    assert.equal(typeof supported?.supporterCount, 'number');
    assert.ok(layer.indexOf(selected!) < layer.indexOf(supported!), 'opening came before supporting');
    // Nothing personal reaches the analytics.
    assert.ok(!JSON.stringify(layer).includes('Noor Visser'), JSON.stringify(layer));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
