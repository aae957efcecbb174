// Reflow and motion on the municipality's example page (WCAG 2.2 1.4.10 and 2.3.3): at 320 CSS px
// wide (1280 px at 400% zoom) no view of the plein scrolls sideways, and with
// `prefers-reduced-motion: reduce` nothing in the widget moves, not even the loading skeleton.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InitiativePage } from '@buurtplein/sdk/contract';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startLocalWorker, type LocalWorker } from './local-worker.js';

const SITE = 'gemeente-voorbeeldstad';
const PAGE = `/${SITE}/`;

let worker: LocalWorker;
let browser: Browser;
let initiative: { id: string };

before(async () => {
  worker = await startLocalWorker();
  browser = await launchBrowser();
  // One with a discussion in the demo data, so its comments and their tools are measured too.
  const page = (await (await fetch(`${worker.baseUrl}/v1/sites/${SITE}/initiatives?limit=50`)).json()) as InitiativePage;
  initiative = page.data.find((candidate) => candidate.title === 'Buurtmoestuin achter de Havenflat')!;
});

after(async () => {
  await browser?.close();
  await worker?.stop();
});

/** The list's skeleton, in the page (hidden under another view) while the list loads. */
const LIST_SKELETON = 'buurt-plein buurt-initiatives [part="skeleton"]';

/** Each view of the plein: its deep link, its placeholder while the API has not answered, and what shows once it has. */
const views = [
  { name: 'the list', search: '', loading: LIST_SKELETON, ready: 'buurt-plein [part~="card"] [part~="title"]' },
  { name: 'an initiative', search: () => `?buurt=initiatief/${initiative.id}`, loading: 'buurt-initiative [part="skeleton"]', ready: 'buurt-discussion [part="comment"]' },
  { name: 'sign-in', search: '?buurt=inloggen', loading: LIST_SKELETON, ready: 'buurt-sign-in input#email' },
  { name: 'the start form', search: '?buurt=starten', loading: LIST_SKELETON, ready: 'buurt-start-initiative input#title' },
];

/**
 * How wide the page and the plein are against what they hold, and which of the widget's own
 * elements (through every shadow root) stick out of the plein, to say where a failure comes from.
 */
function measureReflow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement!;
    const host = document.querySelector('buurt-plein')!;
    const box = host.getBoundingClientRect();
    const outside: string[] = [];
    // A loop rather than a recursive helper: the test's compiler would name a helper with a function the page lacks.
    const roots: ParentNode[] = [host.shadowRoot!];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.width > 1 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5)) {
          outside.push(`${element.localName}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
        }
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return {
      page: { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth },
      plein: { scrollWidth: host.scrollWidth, width: host.clientWidth },
      outside,
    };
  });
}

/**
 * The widget's elements whose CSS animates or transitions, through every shadow root, each as
 * `element: animation-name duration / transition duration`, and how many animations they run.
 */
function widgetMotion(page: Page) {
  return page.evaluate(() => {
    const moving: string[] = [];
    let running = 0;
    const roots: ParentNode[] = [...document.querySelectorAll('buurt-plein')].map((widget) => widget.shadowRoot!);
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        const animated = style.animationName !== 'none' && style.animationDuration.split(',').some((duration) => parseFloat(duration) > 0);
        if (animated || style.transitionDuration.split(',').some((duration) => parseFloat(duration) > 0)) {
          moving.push(`${element.localName}.${element.className}: ${style.animationName} ${style.animationDuration} / ${style.transitionProperty} ${style.transitionDuration}`);
        }
        running += element.getAnimations().length;
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return { moving, running };
  });
}

/** A page whose API answers wait until `release()`, so the widget's loading state can be looked at. */
async function heldPage(context: BrowserContext): Promise<{ page: Page; release: () => void }> {
  const page = await context.newPage();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith('/v1/'),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return { page, release };
}

describe('reflow at 320 CSS px (400% zoom)', () => {
  for (const view of views) {
    it(`${view.name} does not scroll sideways`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        const search = typeof view.search === 'function' ? view.search() : view.search;
        await page.goto(worker.baseUrl + PAGE + search);
        // On a phone the plein is below the fold: its elements load as the resident scrolls to it.
        await page.locator('buurt-plein').scrollIntoViewIfNeeded();
        await page.locator(view.ready).first().waitFor();
        const measured = await measureReflow(page);
        const detail = JSON.stringify(measured, null, 1);
        assert.ok(measured.page.scrollWidth <= measured.page.clientWidth, `the page scrolls sideways: ${detail}`);
        assert.ok(measured.plein.scrollWidth <= measured.plein.width, `the plein's content is wider than the plein: ${detail}`);
        assert.deepEqual(measured.outside, [], `widget parts stick out of the plein: ${detail}`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('prefers-reduced-motion', () => {
  it('without the preference, the loading skeleton pulses (so the check below can see motion)', async () => {
    const context = await browser.newContext({ reducedMotion: 'no-preference' });
    try {
      const { page, release } = await heldPage(context);
      await page.goto(worker.baseUrl + PAGE);
      await page.locator(LIST_SKELETON).waitFor();
      const motion = await widgetMotion(page);
      release();
      assert.ok(motion.moving.some((line) => line.includes('pulse')), JSON.stringify(motion));
      assert.ok(motion.running > 0, JSON.stringify(motion));
    } finally {
      await context.close();
    }
  });

  for (const view of views) {
    it(`with "reduce", nothing in ${view.name} moves, while loading or after`, async () => {
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      try {
        const { page, release } = await heldPage(context);
        const search = typeof view.search === 'function' ? view.search() : view.search;
        await page.goto(worker.baseUrl + PAGE + search);
        await page.locator(view.loading).waitFor({ state: 'attached' });
        const loading = await widgetMotion(page);
        release();
        await page.locator(view.ready).first().waitFor();
        const loaded = await widgetMotion(page);
        assert.deepEqual(loading, { moving: [], running: 0 }, 'while loading');
        assert.deepEqual(loaded, { moving: [], running: 0 }, 'once loaded');
      } finally {
        await context.close();
      }
    });
  }
});
