// The React example (/react-host/): the widget's elements through @buurtplein/widget/react in a
// Vite-built React app, and the example compiled against the types the widget build publishes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../scripts/local-server.js';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

describe('the React host example', () => {
  it('shows the seeded initiatives, and a chosen one in React state and in the widget', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${worker.baseUrl}/react-host/`);

    const titles = page.locator('buurt-initiatives [part~="card"] [part~="title"]');
    await titles.first().waitFor({ timeout: 20_000 });
    const all = (await titles.allTextContents()).map((title) => title.trim());
    assert.ok(all.includes('Buurtmoestuin achter de Havenflat'), all.join(', '));

    await page.locator('buurt-initiatives [part~="link"]', { hasText: 'Buurtmoestuin achter de Havenflat' }).click();
    // React rendered the choice from the event's typed detail, and the link did not load the page again.
    const detail = page.getByTestId('react-detail');
    await detail.waitFor();
    assert.match(await detail.innerText(), /^Initiatief \S+ — keuze 1 in deze app\./);
    assert.equal(new URL(page.url()).search, '', 'the list’s link was cancelled');
    // The widget's <buurt-initiative>, given the id by React, shows the same initiative.
    const heading = page.locator('buurt-initiative [part~="heading"]', { hasText: 'Buurtmoestuin achter de Havenflat' });
    await heading.waitFor({ timeout: 20_000 });
    const id = await page.locator('buurt-initiative').evaluate((element) => (element as HTMLElement & { initiative?: string }).initiative);
    assert.ok((await detail.innerText()).includes(id ?? '(none)'), `React and the element agree on ${id}`);

    await page.getByRole('button', { name: 'Sluiten' }).click();
    await page.locator('buurt-initiative').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('is linked from the landing page', async () => {
    const page = await browser.newPage();
    await page.goto(`${worker.baseUrl}/`);
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/react-host/'), hrefs.join(', '));
    await page.close();
  });

  it('compiles against the published types of @buurtplein/widget/react', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'examples/react-host', '--noEmit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
