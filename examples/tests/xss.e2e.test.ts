// Residents' text is shown as text, everywhere. Known cross-site scripting payloads and generated
// mixes of markup are stored through the real API in every field a resident or professional
// writes (initiatives, plans, comments, replies, updates, offers, meetings, display names) and
// reported to the moderators; then each element that shows user text is opened in Chromium. No
// payload may run, no element or link may come from one, and each must read literally on screen.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Comment, InitiativeDetail, InitiativeSummary } from '@buurtplein/sdk/contract';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT } from '../../scripts/local-server.js';
import { launchBrowser, startLocalWorker, type LocalWorker } from './local-worker.js';
import { ApiFailure, siteApi, type Resident, type SiteApi } from './resident-api.js';
import { KNOWN_PAYLOADS, generatedPayloads } from './xss-payloads.js';
import { unsafeLink } from '../../worker/src/http/links.js';

const SITE = 'gemeente-voorbeeldstad';
const NEIGHBOURHOOD = 'BU05990103';
const MODERATOR = 'lotte@voorbeeldstad.nl';
const PROFESSIONAL = 'ruben@woonstichting-voorbeeld.nl';
const PAYLOADS = [...KNOWN_PAYLOADS, ...generatedPayloads(14)];
/**
 * The payloads the API stores: it refuses any text with a link other than http(s) (`unsafe-link`),
 * so those reach only the comment form below, which must refuse them.
 */
const STORABLE = PAYLOADS.filter((payload) => !unsafeLink(payload));

let worker: LocalWorker;
let browser: Browser;
let api: SiteApi;

/** What was stored where: the texts each element must show. */
const stored = {
  titlesAndSummaries: [] as string[],
  initiativeId: '',
  threadId: '',
  /** The plan, updates, offers and meetings of the one initiative. */
  initiativeTexts: [] as string[],
  comments: [] as string[],
  /** Display names of the residents who commented. */
  names: [] as string[],
  reported: [] as string[],
  professionalName: '',
  /** The meetings' titles and places. */
  eventTexts: [] as string[],
};

/** The payloads in `size` groups, each one text with a payload a line. */
function groups(size: number, maxLength: number): string[] {
  const texts: string[] = [];
  let current: string[] = [];
  for (const payload of STORABLE) {
    if (current.length >= size || [...current, payload].join('\n').length > maxLength) {
      texts.push(current.join('\n'));
      current = [];
    }
    current.push(payload);
  }
  if (current.length) texts.push(current.join('\n'));
  return texts;
}

/** Every payload that fits the API's limits for a text of `min`–`max` characters. */
function fitting(min: number, max: number): string[] {
  return STORABLE.filter((p) => p.trim().length >= min && p.trim().length <= max);
}

/** Runs `task` for each item, `width` at a time, as that many people write at once. */
async function inParallel<T>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i]!, i);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

async function storePayloads(): Promise<void> {
  api = siteApi(worker.baseUrl, SITE);
  const owners = await Promise.all([0, 1, 2, 3].map((i) => api.signInSso(`xss-owner-${i}`, `Initiatiefnemer ${i}`)));
  const owner = owners[0]!;
  const main = await api.call<InitiativeSummary>('/initiatives', {
    method: 'POST',
    as: owner,
    body: { neighbourhood: NEIGHBOURHOOD, title: 'Alle tekens in één plan', summary: 'Het plan, de nieuwtjes en de hulp bevatten opmaak.' },
  });
  stored.initiativeId = main.id;
  stored.threadId = (await api.call<InitiativeDetail>(`/initiatives/${main.id}`)).threadId!;
  const [professional, commenters, reporters] = await Promise.all([
    api.signInEmail(PROFESSIONAL),
    Promise.all([0, 1, 2, 3, 4, 5].map((i) => api.signInSso(`xss-commenter-${i}`, `Buur ${i}`))),
    Promise.all([0, 1].map((i) => api.signInSso(`xss-reporter-${i}`, `Melder ${i}`))),
  ]);

  // Titles and summaries: initiatives start with plain text, and their organisers then change them
  // to the payloads, so the edit path is covered too.
  const titles = fitting(3, 120);
  const pairs = Array.from({ length: Math.ceil(titles.length / 2) }, (_, k) => [titles[k * 2]!, titles[k * 2 + 1] ?? 'Zonder tweede tekst'] as const);
  const initiativesWritten = inParallel(pairs, 3, async ([title, summary], k) => {
    const by = owners[1 + (k % 3)]!;
    const created = await api.call<InitiativeSummary>('/initiatives', {
      method: 'POST',
      as: by,
      body: { neighbourhood: NEIGHBOURHOOD, title: `Proef ${k} met tekens`, summary: `Samenvatting ${k}` },
    });
    await api.call(`/initiatives/${created.id}`, { method: 'PATCH', as: by, body: { title, summary } });
    stored.titlesAndSummaries.push(title.trim(), summary.trim());
  });

  // The one initiative holds every payload in its plan, updates, offers and meetings.
  const mainWritten = (async () => {
    await api.call(`/initiatives/${main.id}`, { method: 'PATCH', as: owner, body: { body: STORABLE.join('\n') } });
    stored.initiativeTexts.push(...STORABLE);
    for (const update of groups(20, 10_000)) await api.call(`/initiatives/${main.id}/updates`, { method: 'POST', as: owner, body: { body: update } });
    const startsAt = Date.now() + 7 * 24 * 3600 * 1000;
    const eventTitles = fitting(1, 120).slice(0, 10);
    const locations = groups(4, 300);
    for (const [i, title] of eventTitles.entries()) {
      const location = locations[i % locations.length]!;
      await api.call('/events', {
        method: 'POST',
        as: owner,
        body: { initiativeId: main.id, title, location, startsAt: new Date(startsAt + i * 3600_000).toISOString() },
      });
      stored.eventTexts.push(title.trim(), location);
    }
    stored.initiativeTexts.push(...eventTitles.map((t) => t.trim()));
  })();
  const offersWritten = (async () => {
    const name = fitting(1, 80).at(-1)!;
    await api.call('/me', { method: 'PATCH', as: professional, body: { displayName: name } });
    stored.professionalName = name.trim();
    for (const message of groups(20, 2000)) {
      await api.call(`/initiatives/${main.id}/offers`, { method: 'POST', as: professional, body: { kind: 'information-technical', message } });
    }
  })();

  // Comments and replies, by residents whose display names are payloads too; every comment reported.
  const names = fitting(1, 80).slice(0, commenters.length);
  await Promise.all(commenters.map((resident, i) => api.call('/me', { method: 'PATCH', as: resident, body: { displayName: names[i] } })));
  stored.names.push(...names.map((n) => n.trim()));
  const first = await api.call<Comment>(`/threads/${stored.threadId}/comments`, { method: 'POST', as: commenters[0]!, body: { body: 'Hieronder de antwoorden.' } });
  await inParallel(PAYLOADS, commenters.length, async (payload, i) => {
    const reply = i >= PAYLOADS.length - 10;
    let comment: Comment;
    try {
      comment = await api.call<Comment>(`/threads/${stored.threadId}/comments`, {
        method: 'POST',
        as: commenters[i % commenters.length]!,
        body: { body: payload, ...(reply ? { parentId: first.id } : {}) },
      });
    } catch (error) {
      // The API refuses links other than http(s) in every text, comments included.
      if (!(error instanceof ApiFailure) || error.code !== 'unsafe-link' || !unsafeLink(payload)) throw error;
      return;
    }
    stored.comments.push(payload.trim());
    await api.call('/reports', { method: 'POST', as: reporters[i % reporters.length]!, body: { targetType: 'comment', targetId: comment.id, reason: 'spam' } });
    stored.reported.push(comment.body!.trim());
  });
  assert.ok(stored.comments.length >= PAYLOADS.length * 0.6, `only ${stored.comments.length} comments were accepted`);
  await Promise.all([initiativesWritten, mainWritten, offersWritten]);
  stored.initiativeTexts.push(stored.professionalName);
}

before(async () => {
  worker = await startLocalWorker();
  browser = await launchBrowser();
  const started = Date.now();
  await storePayloads();
  console.log(`stored ${PAYLOADS.length} payloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  await browser?.close();
  await worker?.stop();
});

/** A page that records any payload that runs: `__xss.push`, alert, confirm and prompt, in every frame. */
async function guardedPage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  await page.addInitScript(() => {
    const hits: string[] = [];
    Object.assign(window, { __xss: hits });
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      Object.assign(window, { [name]: (message: unknown) => hits.push(`${name}(${String(message)})`) });
    }
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return { page, dialogs };
}

/** A host page on the worker's origin holding just the script tag and `markup`. */
async function hostPage(page: Page, markup: string, search = ''): Promise<void> {
  await page.goto(`${worker.baseUrl}/${search}`);
  await page.setContent(`<!doctype html><html lang="nl"><body><script src="/buurtplein.js" data-site="${SITE}"></script>${markup}</body></html>`);
}

/** Clicks each button named `name` (one at a time, as they appear), waiting every time until more of `items` show. */
async function expandAll(page: Page, name: RegExp, items: Locator): Promise<void> {
  for (let clicks = 0; clicks < 100; clicks++) {
    const button = page.getByRole('button', { name }).first();
    if (!(await button.count())) return;
    const shown = await items.count();
    await button.click();
    for (let polls = 0; polls < 400 && (await items.count()) <= shown; polls++) await page.waitForTimeout(50);
  }
}

interface Findings {
  /** Payloads that ran, in any frame. */
  ran: string[];
  /** Elements, attributes or links that came from a payload. */
  injected: string[];
  /** Every text node of the document and its shadow roots, joined, whitespace collapsed. */
  text: string;
}

/** Walks the document and every shadow root in it. */
async function inspect(page: Page): Promise<Findings> {
  const ran: string[] = [];
  for (const frame of page.frames()) ran.push(...(await frame.evaluate(() => ((window as unknown as { __xss?: unknown[] }).__xss ?? []).map(String)).catch(() => [])));
  const { injected, text } = await page.evaluate(() => {
    // Elements the widget never renders itself: inside its shadow roots each one came from text.
    const FOREIGN = new Set(['script', 'img', 'svg', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'source', 'math', 'base', 'meta', 'link', 'style', 'noscript', 'template', 'body']);
    const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'];
    const injected: string[] = [];
    const texts: string[] = [];
    // A stack rather than a recursive helper: the test's compiler names helpers with a function the page lacks.
    const roots: [Document | ShadowRoot, boolean][] = [[document, false]];
    for (let entry = roots.pop(); entry; entry = roots.pop()) {
      const [root, inShadow] = entry;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement?.localName;
          if (parent !== 'script' && parent !== 'style') texts.push(node.nodeValue ?? '');
          continue;
        }
        const el = node as Element;
        const what = el.outerHTML.slice(0, 120);
        if (inShadow && FOREIGN.has(el.localName)) injected.push(`<${el.localName}> ${what}`);
        for (const attribute of el.getAttributeNames()) {
          if (attribute.startsWith('on') || attribute === 'srcdoc') injected.push(`[${attribute}] ${what}`);
          if (attribute === 'style' && /javascript|expression|url\(/i.test(el.getAttribute('style') ?? '')) injected.push(`[style] ${what}`);
          if (URL_ATTRIBUTES.includes(attribute)) {
            const value = el.getAttribute(attribute) ?? '';
            let protocol = 'invalid:';
            try {
              protocol = new URL(value, document.baseURI).protocol;
            } catch {
              // an address that does not parse is reported as one
            }
            if (protocol !== 'http:' && protocol !== 'https:') injected.push(`[${attribute}=${value}] ${what}`);
            else if (/^\s*\/\//.test(value)) injected.push(`[${attribute}=${value}] (protocol-relative) ${what}`);
          }
        }
        if (el.shadowRoot) roots.push([el.shadowRoot, true]);
      }
    }
    return { injected, text: texts.join('') };
  });
  return { ran, injected, text: text.replace(/\s+/g, ' ') };
}

/** Asserts that nothing ran, nothing was injected, and each of `expected` reads literally on the page. */
async function assertShownAsText(page: Page, dialogs: string[], expected: readonly string[]): Promise<void> {
  const findings = await inspect(page);
  assert.deepEqual(findings.ran, [], 'a payload ran');
  assert.deepEqual(dialogs, [], 'a payload opened a dialog');
  assert.deepEqual(findings.injected, [], 'a payload became markup');
  const missing = expected.map((t) => t.replace(/\s+/g, ' ')).filter((t) => !findings.text.includes(t));
  assert.deepEqual(missing, [], `${missing.length} of ${expected.length} texts are not shown literally`);
}

/**
 * Every element that shows user text: how to open it on a host page, and what it must show.
 * Adding an element is one entry; `needs` skips it when the widget does not define that tag.
 */
const surfaces: { name: string; needs?: string; open(page: Page): Promise<void>; expected(): string[] }[] = [
  {
    name: '<buurt-initiatives>',
    async open(page) {
      await hostPage(page, `<buurt-initiatives neighbourhood="${NEIGHBOURHOOD}" limit="50"></buurt-initiatives>`);
      const cards = page.locator('buurt-initiatives [part~="card"]');
      await cards.first().waitFor();
      await expandAll(page, /^Meer tonen/, cards);
    },
    expected: () => stored.titlesAndSummaries,
  },
  {
    name: '<buurt-plein>, the list',
    async open(page) {
      await hostPage(page, `<buurt-plein neighbourhood="${NEIGHBOURHOOD}" limit="50"></buurt-plein>`);
      const cards = page.locator('buurt-plein buurt-initiatives [part~="card"]');
      await cards.first().waitFor();
      await expandAll(page, /^Meer tonen/, cards);
    },
    expected: () => stored.titlesAndSummaries,
  },
  {
    name: '<buurt-plein>, the initiative',
    async open(page) {
      await hostPage(page, `<buurt-plein neighbourhood="${NEIGHBOURHOOD}"></buurt-plein>`, `?buurt=initiatief/${stored.initiativeId}`);
      await page.locator('buurt-plein buurt-initiative [part="body"]').waitFor();
      await page.locator('buurt-plein buurt-discussion [part~="comment"]').first().waitFor();
    },
    expected: () => stored.initiativeTexts,
  },
  {
    name: '<buurt-initiative> with its actions (updates, offers, meetings)',
    async open(page) {
      await hostPage(page, `<buurt-initiative initiative="${stored.initiativeId}"></buurt-initiative>`);
      await page.locator('buurt-initiative [part="body"]').waitFor();
      await page.locator('buurt-initiative-actions li').first().waitFor();
    },
    expected: () => stored.initiativeTexts,
  },
  {
    name: '<buurt-discussion> with replies and display names',
    async open(page) {
      await hostPage(page, `<buurt-discussion thread="${stored.threadId}"></buurt-discussion>`);
      const comments = page.locator('buurt-discussion [part~="comment"]');
      await comments.first().waitFor();
      await expandAll(page, /^Meer reacties$/, comments);
      await expandAll(page, /^Toon \d+ antwoord/, comments);
    },
    expected: () => [...stored.comments, ...stored.names],
  },
  {
    name: '<buurt-events>',
    needs: 'buurt-events',
    async open(page) {
      await hostPage(page, `<buurt-events initiative="${stored.initiativeId}" limit="50"></buurt-events>`);
      await page.locator('buurt-events [part~="event"]').first().waitFor();
    },
    expected: () => stored.eventTexts,
  },
  {
    name: '<buurt-professionals>',
    needs: 'buurt-professionals',
    async open(page) {
      await hostPage(page, `<buurt-professionals limit="50"></buurt-professionals>`);
      await page.locator('buurt-professionals [part~="name"]').first().waitFor();
    },
    expected: () => [stored.professionalName],
  },
  {
    name: 'the console’s moderation queue',
    async open(page) {
      await page.goto(`${worker.baseUrl}/console?site=${SITE}`);
      const since = Date.now();
      await page.getByLabel('E-mailadres').fill(MODERATOR);
      await page.getByRole('button', { name: 'Stuur mij een code' }).click();
      const code = await codeSince(MODERATOR, since);
      await page.getByLabel('Code', { exact: true }).fill(code);
      await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
      await page.locator('buurt-console-moderation li.item').first().waitFor({ timeout: 30_000 });
    },
    expected: () => stored.reported,
  },
];

/** The `buurt-…` tags the built widget defines. */
function builtTags(): Set<string> {
  const dist = join(ROOT, 'widget/dist');
  const source = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
  return new Set(source.match(/(?<=["'`])buurt-[a-z-]+(?=["'`])/g) ?? []);
}

/** The sign-in code mailed to `email` after `since`. */
async function codeSince(email: string, since: number): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mails = (await (await fetch(`${worker.baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } })).json()) as { to: string; text: string; createdAt: string }[];
    const code = mails.find((m) => m.to === email && Date.parse(m.createdAt) >= since - 1000)?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in code for ${email}`);
}

describe('residents’ text is shown as text', () => {
  it(`stores ${STORABLE.length} payloads in every field a person writes, and refuses the ${PAYLOADS.length - STORABLE.length} with other links`, () => {
    assert.ok(stored.titlesAndSummaries.length >= STORABLE.length - 1);
    assert.equal(stored.initiativeTexts.length, STORABLE.length + 11);
    assert.equal(stored.comments.length, STORABLE.length);
  });

  for (const surface of surfaces) {
    it(`${surface.name}: no payload runs or becomes markup, and each reads literally`, async (t) => {
      const { page, dialogs } = await guardedPage();
      try {
        if (surface.needs && !builtTags().has(surface.needs)) return t.skip(`${surface.needs} is not part of the widget yet`);
        await surface.open(page);
        await assertShownAsText(page, dialogs, surface.expected());
      } finally {
        await page.close();
      }
    });
  }
});
