import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { AuthSession, Comment, CommentPage, InitiativePage, ThreadPage } from '@buurtplein/sdk/contract';
import type { Browser, Page } from 'playwright-core';
import { useLocalWorker, type LocalWorker } from './local-worker.js';

const SITE = 'gemeente-voorbeeldstad';
const MODERATOR = 'lotte@voorbeeldstad.nl';

let worker: LocalWorker;
let browser: Browser;
/** The moderator's console tab, signed in once (the session lives in the tab's sessionStorage). */
let consolePage: Page;
/** Content Security Policy violations reported by any page. */
const violations: string[] = [];

interface Mail {
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

useLocalWorker((started, launched) => ((worker = started), (browser = launched)));

async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`${worker.baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } });
  assert.equal(res.status, 200);
  return (await res.json()) as Mail[];
}

/** The newest sign-in code mailed to `email` after `since` (ms), waiting for it to arrive. */
async function codeFor(email: string, since: number): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mail = (await mailbox()).find((m) => m.to === email && Date.parse(m.createdAt) >= since - 1000 && /aanmeldcode/i.test(m.subject));
    const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in code for ${email}`);
}

async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${worker.baseUrl}/v1/sites/${SITE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  assert.ok(res.ok, `${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs a resident in through the API, by e-mail code from the dev mailbox. */
async function signInResident(email: string): Promise<string> {
  const since = Date.now();
  await call('/auth/email/start', { method: 'POST', body: { email } });
  const session = await call<AuthSession>('/auth/email/verify', { method: 'POST', body: { email, code: await codeFor(email, since) } });
  return session.accessToken;
}

async function openConsole(site = SITE): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${worker.baseUrl}/console?site=${site}`);
  return page;
}

/** Signs in on the console page as a user would: address, code from the mailbox, submit. */
async function signInAtConsole(page: Page, email: string): Promise<void> {
  const since = Date.now();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een code' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await codeFor(email, since));
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

/** Hides the queue item holding `text` with `reason`, as a moderator does in the console. */
async function hideInConsole(text: string, reason: string): Promise<void> {
  await consolePage.getByRole('button', { name: 'Vernieuwen' }).click();
  const item = consolePage.locator('buurt-console-moderation li.item', { hasText: text });
  await item.waitFor({ timeout: 20_000 });
  await item.getByRole('button', { name: 'Verbergen', exact: true }).click();
  await item.getByLabel('Reden (Verbergen)').fill(reason);
  await item.getByRole('button', { name: 'Verbergen bevestigen' }).click();
  await item.waitFor({ state: 'detached', timeout: 20_000 });
}

/** The texts `<buurt-discussion>` shows for a thread, as a resident sees them on a host page (every page of comments). */
async function discussionTexts(threadId: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${worker.baseUrl}/`);
  await page.setContent(
    `<!doctype html><html lang="nl"><body><script src="/buurtplein.js" data-site="${SITE}"></script><buurt-discussion thread="${threadId}"></buurt-discussion></body></html>`,
  );
  const discussion = page.locator('buurt-discussion');
  await discussion.locator('[part~="comment"]').first().waitFor({ timeout: 20_000 });
  const more = discussion.getByRole('button', { name: 'Meer reacties' });
  while (await more.count()) {
    const before = await discussion.locator('[part~="comment"]').count();
    await more.click();
    await page.waitForFunction(
      (n) => (document.querySelector('buurt-discussion')?.shadowRoot?.querySelectorAll('[part~="comment"]').length ?? 0) > n,
      before,
    );
  }
  const text = (await discussion.locator('[part~="base"]').textContent()) ?? '';
  await page.close();
  return text;
}

/** Runs axe-core in the page (injected by evaluate, which the page's CSP allows) and returns the violations. */
async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('the console', () => {
  it('tells a resident who signs in that they have no access', async () => {
    const page = await openConsole('woonstichting-voorbeeld');
    assert.equal(await page.locator('buurt-console #site').inputValue(), 'woonstichting-voorbeeld');
    await signInAtConsole(page, 'sanne@example.nl');
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('buurt-console nav').count(), 0);
    await page.close();
  });

  it('signs the moderator in by e-mail code, on a page with a strict CSP and no accessibility violations', async () => {
    consolePage = await openConsole();
    const csp = await consolePage.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /script-src 'self'; style-src 'self'/);
    await signInAtConsole(consolePage, MODERATOR);
    await consolePage.getByRole('heading', { name: 'Moderatie', level: 2 }).waitFor({ timeout: 20_000 });
    const tabs = await consolePage.locator('buurt-console nav a').allTextContents();
    assert.deepEqual(tabs.map((t) => t.trim()), ['Moderatie', 'Site-instellingen', 'Cijfers']);
    await consolePage.getByRole('heading', { name: 'Auditlog' }).waitFor();
    assert.deepEqual(await axeViolations(consolePage), []);
    assert.deepEqual(violations, []);
  });

  it('a moderator hides a reported comment: the widget and the public API no longer show its text, and the author gets the statement of reasons', async () => {
    const stamp = Date.now().toString(36);
    const text = `Goedkope zonnepanelen! <img src=x onerror="window.__xss=1"> Bel nu ${stamp}`;
    const author = await signInResident('joost@example.nl');
    const threads = await call<ThreadPage>('/threads?limit=1');
    const thread = threads.data[0]!;
    const comment = await call<Comment>(`/threads/${thread.id}/comments`, { method: 'POST', token: author, body: { body: text } });
    const reporter = await signInResident('fatima@example.nl');
    await call('/reports', { method: 'POST', token: reporter, body: { targetType: 'comment', targetId: comment.id, reason: 'spam', note: 'Reclame' } });

    assert.ok((await discussionTexts(thread.id)).includes(stamp), 'the widget does not show the comment before it is hidden');

    await consolePage.getByRole('button', { name: 'Vernieuwen' }).click();
    const item = consolePage.locator('buurt-console-moderation li.item', { hasText: stamp });
    await item.waitFor({ timeout: 20_000 });
    assert.equal((await item.locator('.reported-text').textContent())?.trim(), text);
    assert.equal(await item.locator('.reported-text img').count(), 0);
    assert.equal(await consolePage.evaluate(() => (window as { __xss?: number }).__xss), undefined);

    const reason = `Reclame hoort niet in de buurtdiscussie (${stamp}).`;
    await hideInConsole(stamp, reason);
    const status = await consolePage.locator('buurt-console-moderation [role="status"]').textContent();
    assert.equal(status?.trim(), 'Reactie verborgen. De schrijver krijgt de reden per e-mail.');

    const after = await call<CommentPage>(`/threads/${thread.id}/comments?limit=50`);
    assert.ok(!JSON.stringify(after).includes(stamp), 'the hidden text is still served');
    const hidden = after.data.find((c) => c.id === comment.id);
    if (hidden) assert.equal(hidden.body, null);

    assert.ok(!(await discussionTexts(thread.id)).includes(stamp), 'the widget still shows the hidden comment');

    const statement = (await mailbox()).find((m) => m.to === 'joost@example.nl' && m.text.includes(reason));
    assert.ok(statement, 'no statement of reasons for the author');
    assert.match(statement.subject, /verborgen/);

    const log = consolePage.locator('buurt-console-moderation table.log tbody tr', { hasText: reason });
    await log.first().waitFor();
    assert.deepEqual(violations, []);
  });

  it('a moderator hides a reported initiative: the widget on the example page no longer lists it', async () => {
    const initiatives = await call<InitiativePage>('/initiatives?limit=50');
    const target = initiatives.data.find((i) => i.title === 'Geveltuinen in de Tulpstraat')!;
    assert.ok(target, 'seeded initiative missing');
    const reporter = await signInResident('mehmet@example.nl');
    await call('/reports', { method: 'POST', token: reporter, body: { targetType: 'initiative', targetId: target.id, reason: 'misinformation' } });

    await hideInConsole(target.title, 'Dit initiatief bevat onjuiste informatie.');

    const page = await browser.newPage();
    await page.goto(`${worker.baseUrl}/gemeente-voorbeeldstad/`);
    const titles = page.locator('buurt-initiatives [part~="card"] [part~="title"]');
    await titles.first().waitFor({ timeout: 20_000 });
    const shown = (await titles.allTextContents()).map((t) => t.trim());
    assert.ok(shown.length > 0);
    assert.ok(!shown.includes(target.title), `still listed: ${shown.join(', ')}`);
    const detail = await fetch(`${worker.baseUrl}/v1/sites/${SITE}/initiatives/${target.id}`);
    assert.equal(detail.status, 404);
    await page.close();
  });
});
