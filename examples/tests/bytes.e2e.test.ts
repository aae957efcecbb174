// The widget's byte budgets, over widget/dist as `npm run build` left it: the same three totals as
// `npm run bench` (scripts/bench/bytes.ts), and a check in Chromium that a plein page fetches no
// widget file that the plein's total leaves out.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { byteTotals, overBudget, readBuiltWidget, type ByteTotal } from '../../scripts/bench/bytes.js';
import { ROOT } from '../../scripts/local-server.js';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

const built = readBuiltWidget(join(ROOT, 'widget/dist'));
const totals = byteTotals(built);
const widgetFiles = built.map((f) => f.fileName);

function figures(total: ByteTotal): string {
  const { minified, gzip, brotli } = total.sizes;
  return `${total.name}: ${brotli} B brotli (budget ${total.budget}), ${gzip} B gzip, ${minified} B minified — ${total.files.map((f) => f.fileName).join(' + ')}`;
}

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

/**
 * Opens the municipality's example page with its `<buurt-plein>` alone (its meetings and
 * professionals lists taken out), in `lang`, and returns the names of the widget's scripts it
 * fetched once the plein shows its initiatives and the network is quiet.
 */
async function pleinPageScripts(page: Page, lang: 'nl' | 'en'): Promise<string[]> {
  const path = '/gemeente-voorbeeldstad/';
  await page.route(worker.baseUrl + path, async (route) => {
    const original = await route.fetch();
    const body = (await original.text())
      .replace(/<buurt-events><\/buurt-events>|<buurt-professionals><\/buurt-professionals>/g, '')
      .replace(/<html lang="[^"]*"/, `<html lang="${lang}"`);
    assert.ok(!/<buurt-(events|professionals)/.test(body), 'the page still holds other elements than the plein');
    await route.fulfill({ response: original, body });
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === worker.baseUrl && /^\/buurtplein[^/]*\.js$/.test(url.pathname)) scripts.push(basename(url.pathname));
  });
  await page.goto(worker.baseUrl + path);
  await page.locator('buurt-plein [part~="card"] [part~="title"]').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  return scripts;
}

describe('byte budgets', () => {
  it('the loader, the first view and a plein page stay within their brotli budgets', () => {
    assert.ok(totals.plein, 'the build has no chunk for <buurt-plein>');
    const all = [totals.loader, totals.firstView, totals.plein];
    // Printed either way, so a change's cost is in the test's output.
    for (const total of all) console.log(figures(total));
    assert.deepEqual(overBudget(totals), []);
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`a plein page in ${lang === 'nl' ? 'Dutch' : 'English'} fetches only what the plein's total counts`, async () => {
      const page = await browser.newPage();
      const fetched = await pleinPageScripts(page, lang);
      const counted = new Set(totals.plein!.files.map((f) => f.fileName));
      const uncounted = fetched.filter((name) => !counted.has(name));
      assert.deepEqual(uncounted, [], `fetched but not counted: ${uncounted.join(', ')}`);
      // The total is of the right files: the plein's own chunk is among what was fetched.
      assert.ok(fetched.some((name) => name.startsWith('buurtplein.lazy-elements-')), `fetched: ${fetched.join(', ')}`);
      // The follow controls and the edit form are built apart and wait for a resident's press.
      assert.ok(widgetFiles.some((name) => name.startsWith('buurtplein.initiative-tools-')), 'the build has no chunk of the initiative tools');
      assert.ok(!fetched.some((name) => /^buurtplein\.[a-z-]+-tools-/.test(name)), `fetched: ${fetched.join(', ')}`);
      // So are the form to start an initiative and the sign-in screens, with their messages.
      assert.ok(widgetFiles.some((name) => name.startsWith('buurtplein.form-elements-')), 'the build has no chunk of the start form and sign-in');
      assert.ok(!fetched.some((name) => /^buurtplein\.(form-elements|[a-z-]+-form)-/.test(name)), `fetched: ${fetched.join(', ')}`);
      if (lang === 'en') assert.ok(fetched.some((name) => name.includes('-more-')), 'the English page fetched no further messages');
      await page.close();
    });
  }
});
