// `npm run screenshots`: pictures of the example host pages for the README, made from the real
// product (local worker, freshly seeded data, headless Chromium). Writes docs/screenshots/*.png:
// for each site the part of the page that holds the widget, in a 1280 px wide window and on a
// 390 px wide phone.
// Deterministic enough to commit: the same seed, a fixed viewport, scale, language, time zone and
// colour scheme, no motion, and every picture taken once the widget and the fonts have settled.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startLocalWorker } from '../examples/tests/local-worker.js';
import { ROOT } from './local-server.js';

/** Each site: its page, the host's section that holds the list, and the list inside it. */
const sites = [
  { name: 'gemeente-voorbeeldstad', path: '/gemeente-voorbeeldstad/', region: 'section.initiatives', cards: 'buurt-plein [part~="card"]' },
  { name: 'woonstichting-voorbeeld', path: '/woonstichting-voorbeeld/', region: 'section:has(> buurt-initiatives)', cards: 'buurt-initiatives [part~="card"]' },
];

/** Widths to show, and the tallest picture for each: enough for the first cards, not a whole page. */
const layouts = [
  { suffix: '', width: 1280, maxHeight: 1100 },
  { suffix: '-mobiel', width: 390, maxHeight: 1400 },
];

/** Space around the host's section (the picture is no wider than it), so it shows a little of the page it sits in. */
const MARGIN = 24;

/** Waits until the widget shows its cards and nothing on the page is still loading. */
async function settled(page: Page, cards: string): Promise<void> {
  await page.locator(cards).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const outDir = join(ROOT, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const worker = await startLocalWorker();
const browser = await launchBrowser();
try {
  for (const site of sites) {
    for (const layout of layouts) {
      const context = await browser.newContext({
        viewport: { width: layout.width, height: 900 },
        deviceScaleFactor: 1,
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        colorScheme: 'light',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(worker.baseUrl + site.path);
      // The widget's elements load as it nears the viewport, as a resident scrolls to it.
      const region = page.locator(site.region).first();
      await region.scrollIntoViewIfNeeded();
      await settled(page, site.cards);
      await region.scrollIntoViewIfNeeded();
      const box = (await region.boundingBox())!;
      const scrollY = await page.evaluate(() => window.scrollY);
      const top = Math.max(0, box.y + scrollY - MARGIN);
      const left = Math.max(0, box.x - MARGIN);
      const width = Math.min(box.x + box.width + MARGIN, layout.width) - left;
      const file = join(outDir, `${site.name}${layout.suffix}.png`);
      await page.screenshot({
        path: file,
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
        clip: { x: left, y: top, width, height: Math.min(box.height + 2 * MARGIN, layout.maxHeight) },
      });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await worker.stop();
}
