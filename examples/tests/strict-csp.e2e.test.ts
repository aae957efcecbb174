// The widget on a host page with a strict Content-Security-Policy (examples/strikte-csp/, header
// from examples/_headers): no 'unsafe-inline', no 'unsafe-eval'. A resident browses, opens an
// initiative, signs in and opens the start form without a single violation; and the script tag
// leaves nothing on window but `Buurtplein`, even when a page includes it twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

const PAGE = '/strikte-csp/';
/** The policy the README promises site owners the widget works under. */
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";
const SCRIPT_TAG = '<script src="/buurtplein.js" data-site="gemeente-voorbeeldstad" async></script>';

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

/**
 * A page whose every CSP violation is recorded from before its first script runs: the
 * `securitypolicyviolation` events (they cross shadow roots) and the browser's console reports.
 */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    // Not enumerable, so it is not counted among the page's globals.
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`),
      true,
    );
  });
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  page.on('pageerror', (error) => reported.push(`page error: ${error.message}`));
  return {
    page,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...reported],
  };
}

/** The dev mailbox's newest code for `email`, once it has arrived. */
async function codeFor(email: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mails = (await (await fetch(`${worker.baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } })).json()) as { to: string; text: string }[];
    const code = mails.filter((mail) => mail.to === email).at(-1)?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no code for ${email} in the dev mailbox`);
}

describe('the widget under a strict Content-Security-Policy', () => {
  it('the example page is served with the strict policy', async () => {
    const res = await fetch(worker.baseUrl + PAGE);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), POLICY);
    const html = await res.text();
    assert.doesNotMatch(html, /<style|\sstyle=|<script>|<script(?![^>]*\ssrc=)/, 'the page itself holds no inline style or script');
  });

  it('browses, opens an initiative, signs in and opens the start form without a violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, violations } = await watchedPage(context);
      await page.goto(worker.baseUrl + PAGE);

      const firstTitle = page.locator('buurt-plein [part~="card"] [part~="title"]').first();
      await firstTitle.waitFor();
      const title = (await firstTitle.innerText()).trim();
      assert.ok(title.length > 0, 'the list shows an initiative’s title');
      assert.ok(await firstTitle.isVisible());
      await page.locator('aside buurt-initiatives [part~="card"]').first().waitFor();

      await page.locator('buurt-plein [part~="card"] [part~="link"]').first().click();
      await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();
      await page.locator('buurt-discussion [part="heading"]').waitFor();

      const email = 'fatima@example.nl';
      await page.locator('buurt-plein [part~="sign-in-link"]').click();
      await page.locator('buurt-sign-in input#email').fill(email);
      await page.locator('buurt-sign-in button[type="submit"]').click();
      await page.locator('buurt-sign-in input#code').fill(await codeFor(email));
      await page.locator('buurt-sign-in button[type="submit"]').click();
      await page.locator('buurt-plein [part~="account"]', { hasText: 'Ingelogd als Fatima El Amrani' }).waitFor();
      // Signing in returns to the initiative it started from.
      await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();

      await page.locator('buurt-plein [part~="start-link"]').click();
      await page.locator('buurt-start-initiative input#title').waitFor();
      await page.locator('buurt-start-initiative', { hasText: 'U plaatst dit als Fatima El Amrani' }).waitFor();
      await page.locator('buurt-start-initiative input#title').fill('Samen de stoep vegen');

      await page.goBack();
      await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();

      assert.deepEqual(await violations(), []);
    } finally {
      await context.close();
    }
  });

  it('leaves only window.Buurtplein behind, even when the script tag is on the page twice', async () => {
    const context = await browser.newContext();
    try {
      // The same page, served (with its policy) once without the script tag and once with two.
      const variant = async (edit: (html: string) => string) => {
        const { page, violations } = await watchedPage(context);
        await page.route(
          (url) => url.pathname === PAGE,
          async (route) => {
            const response = await route.fetch();
            await route.fulfill({ response, body: edit(await response.text()) });
          },
        );
        await page.goto(worker.baseUrl + PAGE);
        return { page, violations };
      };

      const without = await variant((html) => html.replace(SCRIPT_TAG, ''));
      const bare = await without.page.evaluate(() => Object.keys(window));

      const twice = await variant((html) => html.replace(SCRIPT_TAG, SCRIPT_TAG + SCRIPT_TAG));
      await twice.page.locator('buurt-plein [part~="card"] [part~="title"]').first().waitFor();
      // A third copy added after the widget is running, as a tag manager might.
      await twice.page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const script = document.createElement('script');
            script.src = '/buurtplein.js';
            script.dataset.site = 'gemeente-voorbeeldstad';
            script.onload = () => resolve();
            script.onerror = () => reject(new Error('the second copy did not load'));
            document.head.appendChild(script);
          }),
      );
      await twice.page.locator('buurt-plein [part~="card"] [part~="link"]').first().click();
      await twice.page.locator('buurt-initiative [part="heading"]').waitFor();
      const loaded = await twice.page.evaluate(() => Object.keys(window));

      assert.equal(await twice.page.locator('buurt-plein').count(), 1);
      assert.equal(await twice.page.locator('buurt-plein [part="account"]').count(), 1, 'the plein renders once');
      assert.deepEqual(
        loaded.filter((key) => !bare.includes(key)),
        ['Buurtplein'],
      );
      assert.deepEqual(await twice.violations(), [], 'no violation and no uncaught error');
      assert.deepEqual(await without.violations(), []);
    } finally {
      await context.close();
    }
  });
});
