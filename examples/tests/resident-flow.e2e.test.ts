// A resident's whole flow on the municipality's example page, by keyboard only, in Dutch and in
// English: sign in by e-mail code, start an initiative (reloading mid-draft), another resident
// comments, a professional offers help, the owner accepts. And a post whose answer is lost on the
// way back: the text stays, the retry posts exactly once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitiativePage } from '@buurtplein/sdk/contract';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

const SITE = 'gemeente-voorbeeldstad';
const PAGE = `/${SITE}/`;

let worker: LocalWorker;
let browser: Browser;

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

/** What the resident reads on the buttons, links and fields, per language. */
const TEXT = {
  nl: {
    signIn: 'Inloggen',
    email: 'E-mailadres',
    sendCode: 'Stuur mij een code',
    code: 'Code van 6 cijfers',
    signedInAs: 'Ingelogd als',
    start: 'Start een initiatief',
    title: 'Titel',
    summary: 'Samenvatting',
    plan: 'Uw plan (mag later)',
    neighbourhood: 'Buurt',
    post: 'Initiatief plaatsen',
    signInToComment: 'Inloggen om te reageren',
    comment: 'Uw reactie',
    postComment: 'Reactie plaatsen',
    offerKind: 'Wat biedt u aan?',
    offerMessage: 'Uw bericht aan de initiatiefnemer',
    offer: 'Hulp aanbieden',
    accept: 'Hulp van Ruben Mulder aannemen',
    accepted: 'U heeft de hulp van Ruben Mulder aangenomen.',
    postAgain: 'Opnieuw plaatsen',
    noConnection: 'Er is geen verbinding met Buurtplein',
  },
  en: {
    signIn: 'Sign in',
    email: 'E-mail address',
    sendCode: 'Send me a code',
    code: '6-digit code',
    signedInAs: 'Signed in as',
    start: 'Start an initiative',
    title: 'Title',
    summary: 'Summary',
    plan: 'Your plan (can wait)',
    neighbourhood: 'Neighbourhood',
    post: 'Post initiative',
    signInToComment: 'Sign in to comment',
    comment: 'Your comment',
    postComment: 'Post comment',
    offerKind: 'What do you offer?',
    offerMessage: 'Your message to the initiator',
    offer: 'Offer help',
    accept: 'Accept help from Ruben Mulder',
    accepted: 'You accepted the help of Ruben Mulder.',
    postAgain: 'Post again',
    noConnection: 'There is no connection to Buurtplein',
  },
} as const;

type Lang = keyof typeof TEXT;

/** A fresh browser profile (its own localStorage) on the example page, in `lang`: `<html lang="en">` for English. */
async function openPage(lang: Lang, search = ''): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (lang === 'en') {
    await context.route((url) => url.pathname === PAGE, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<html lang="nl">', '<html lang="en">') });
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error));
  await page.goto(worker.baseUrl + PAGE + search);
  await page.locator('buurt-plein [part~="account"]').waitFor();
  return { context, page };
}

/** The focused element's accessible text, looked up through shadow roots: its label for a field, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const label = (active as HTMLInputElement).labels?.[0]?.textContent ?? active.getAttribute('aria-label');
    return (label ?? active.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name starts with `name`, as a keyboard user looks for it. */
async function tabTo(page: Page, name: string, { backwards = false } = {}): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedName(page);
    if (focused.startsWith(name)) return;
    seen.push(focused);
  }
  const plein = await page.locator('buurt-plein').innerText().catch(() => '');
  throw new Error(`Tab never reached "${name}"; it passed ${JSON.stringify([...new Set(seen)])}; the plein reads ${JSON.stringify(plein.slice(0, 1500))}`);
}

/** Waits until the focused element's name is `name`, as focus moves to a new view's heading. */
async function waitForFocus(page: Page, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await focusedName(page)) === name) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`focus never moved to "${name}"; it is on ${JSON.stringify(await focusedName(page))}`);
}

/** The newest code the dev mailbox holds for `email`. */
async function codeFor(email: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mails = (await (await fetch(`${worker.baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } })).json()) as { to: string; text: string }[];
    const code = mails.find((mail) => mail.to === email)?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no code for ${email} in the dev mailbox`);
}

/** How many codes were sent to `email` so far, to wait for a new one. */
async function mailCount(email: string): Promise<number> {
  const mails = (await (await fetch(`${worker.baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } })).json()) as { to: string }[];
  return mails.filter((mail) => mail.to === email).length;
}

/** Signs in on the plein's sign-in view (focus is on its heading), by keyboard. */
async function signInHere(page: Page, t: (typeof TEXT)[Lang], email: string, name: string): Promise<void> {
  const before = await mailCount(email);
  await tabTo(page, t.email);
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await page.getByText(email, { exact: false }).first().waitFor();
  for (let attempt = 0; attempt < 50 && (await mailCount(email)) === before; attempt++) await page.waitForTimeout(100);
  await tabTo(page, t.code);
  await page.keyboard.type(await codeFor(email));
  await page.keyboard.press('Enter');
  await page.locator('buurt-plein [part~="account"]', { hasText: `${t.signedInAs} ${name}` }).waitFor();
}

/** Signs in from the bar at the top of the plein, by keyboard. */
async function signIn(page: Page, t: (typeof TEXT)[Lang], email: string, name: string): Promise<void> {
  await tabTo(page, t.signIn);
  await page.keyboard.press('Enter');
  // A keyboard user waits for the sign-in view, whose heading takes the focus, before tabbing on.
  await page.locator('buurt-sign-in input[type="email"]').waitFor();
  await waitForFocus(page, t.signIn);
  await signInHere(page, t, email, name);
}

/** The initiative with `title` on the site, through the API. */
async function findInitiative(title: string) {
  const page = (await (await fetch(`${worker.baseUrl}/v1/sites/${SITE}/initiatives?limit=50`)).json()) as InitiativePage;
  return page.data.filter((initiative) => initiative.title === title);
}

for (const lang of ['nl', 'en'] as const) {
  describe(`a resident's flow, by keyboard, ${lang === 'nl' ? 'in Dutch' : 'in English'}`, () => {
    const t = TEXT[lang];
    const title = lang === 'nl' ? 'Bloembakken langs de Havenkade' : 'Flower boxes along the quay';
    const comment = lang === 'nl' ? 'Goed plan! Ik heb nog twee bakken over.' : 'Great plan! I have two spare boxes.';
    const offerText = lang === 'nl' ? 'U kunt de tuinkamer van de Havenflat gebruiken.' : 'You can use the garden room of the Havenflat.';
    let initiativeId = '';

    it('signs in by e-mail code, starts an initiative, finds the draft after a reload and posts it', async () => {
      const { context, page } = await openPage(lang);
      try {
        await signIn(page, t, 'fatima@example.nl', 'Fatima El Amrani');

        await tabTo(page, t.start);
        await page.keyboard.press('Enter');
        await tabTo(page, t.title);
        await page.keyboard.type(title);
        await tabTo(page, t.summary);
        await page.keyboard.type('Samen bloembakken maken en onderhouden.');

        await page.reload();
        const titleField = page.locator('buurt-start-initiative input#title');
        await titleField.waitFor();
        assert.equal(await titleField.inputValue(), title, 'the draft survives the reload');
        assert.equal(await page.locator('buurt-start-initiative input#summary').inputValue(), 'Samen bloembakken maken en onderhouden.');
        await page.locator('buurt-plein [part~="account"]', { hasText: t.signedInAs }).waitFor();

        await tabTo(page, t.plan);
        await page.keyboard.type('We zoeken buren die willen helpen.\n\nDe woonstichting zorgt misschien voor aarde.');
        await tabTo(page, t.neighbourhood);
        await page.keyboard.type('Havenkwartier');
        await tabTo(page, t.post);
        await page.keyboard.press('Enter');

        const heading = page.locator('buurt-initiative [part="heading"]');
        await heading.filter({ hasText: title }).waitFor();
        assert.equal(await focusedName(page), title, 'focus moves to the new initiative’s heading');
        initiativeId = new URL(page.url()).searchParams.get('buurt')!.replace('initiatief/', '');
        assert.equal((await findInitiative(title)).length, 1);
        assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':draft:initiative')).length), 0, 'the posted draft is gone');
      } finally {
        await context.close();
      }
    });

    it('lets another resident comment on it', async () => {
      const { context, page } = await openPage(lang, `?buurt=initiatief/${initiativeId}`);
      try {
        await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();
        await tabTo(page, t.signInToComment);
        await page.keyboard.press('Enter');
        await signInHere(page, t, 'joost@example.nl', 'Joost de Vries');
        // Back on the initiative, where the discussion now takes a comment.
        await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();
        await tabTo(page, t.comment);
        await page.keyboard.type(comment);
        await tabTo(page, t.postComment);
        await page.keyboard.press('Enter');
        await page.locator('buurt-discussion [part="comment"]', { hasText: comment }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('lets a professional offer help, visibly with the organisation', async () => {
      const { context, page } = await openPage(lang, `?buurt=initiatief/${initiativeId}`);
      try {
        await signIn(page, t, 'ruben@woonstichting-voorbeeld.nl', 'Ruben Mulder');
        await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();
        await tabTo(page, t.offerKind);
        await page.keyboard.type(lang === 'nl' ? 'Een ruimte' : 'A room');
        await tabTo(page, t.offerMessage);
        await page.keyboard.type(offerText);
        await tabTo(page, t.offer);
        await page.keyboard.press('Enter');
        const offer = page.locator('buurt-initiative-actions li', { hasText: offerText });
        await offer.waitFor();
        assert.match(await offer.innerText(), /Woonstichting Voorbeeld/);
      } finally {
        await context.close();
      }
    });

    it('lets the owner accept the offer', async () => {
      const { context, page } = await openPage(lang, `?buurt=initiatief/${initiativeId}`);
      try {
        await signIn(page, t, 'fatima@example.nl', 'Fatima El Amrani');
        await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();
        await tabTo(page, t.accept);
        await page.keyboard.press('Enter');
        await page.locator('buurt-initiative-actions [role="status"]', { hasText: t.accepted }).waitFor();
        const detail = (await (await fetch(`${worker.baseUrl}/v1/sites/${SITE}/initiatives/${initiativeId}`)).json()) as { offers: { status: string }[] };
        assert.deepEqual(
          detail.offers.map((o) => o.status),
          ['accepted'],
        );
      } finally {
        await context.close();
      }
    });
  });
}

describe('a post whose answer is lost', () => {
  it('keeps the text, says so, and the retry posts exactly once', async () => {
    const { context, page } = await openPage('nl', '?buurt=starten');
    try {
      const title = 'Zwerfvuil prikken in De Akkers';
      await signIn(page, TEXT.nl, 'anouk@example.nl', 'Anouk Jansen');
      await page.locator('buurt-start-initiative input#title').fill(title);
      await page.locator('buurt-start-initiative input#summary').fill('Elke eerste zaterdag van de maand.');
      await page.locator('buurt-start-initiative select#neighbourhood').selectOption({ label: 'De Akkers' });

      // The first POST reaches the API and is carried out, but its answer never comes back.
      let posts = 0;
      await page.route('**/v1/sites/*/initiatives', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        posts++;
        if (posts === 1) {
          await route.fetch();
          return route.abort('failed');
        }
        return route.fallback();
      });
      await page.locator('buurt-start-initiative button[type="submit"]').click();

      const problem = page.locator('buurt-start-initiative .notice.problem');
      await problem.filter({ hasText: TEXT.nl.noConnection }).waitFor();
      assert.match(await page.locator('buurt-start-initiative [role="status"]').innerText(), /geen verbinding/);
      assert.equal(await page.locator('buurt-start-initiative input#title').inputValue(), title, 'the text stays');

      const retry = page.locator('buurt-start-initiative button[type="submit"]', { hasText: TEXT.nl.postAgain });
      await retry.click();
      await page.locator('buurt-initiative [part="heading"]', { hasText: title }).waitFor();

      assert.equal(posts, 2);
      assert.equal((await findInitiative(title)).length, 1, 'one initiative, though the API was asked twice');
    } finally {
      await context.close();
    }
  });
});
