import type { AuthSession, EmailCodeSent } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { expectProblem, freshIp, send } from '../../../test/api.js';

const SITE = 'gemeente-voorbeeldstad';

function start(email: string, ip?: string) {
  return send(`/v1/sites/${SITE}/auth/email/start`, { email }, { ip });
}

function verify(email: string, code: string, site = SITE) {
  return send(`/v1/sites/${site}/auth/email/verify`, { email, code });
}

/** The code in the newest dev-mailbox message to `to`. */
async function lastCode(to: string): Promise<string> {
  const row = await env.DB.prepare('select text from dev_mailbox where "to" = ? order by id desc limit 1').bind(to).first<{ text: string }>();
  const code = row?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code mailed to ${to}`);
  return code;
}

async function mailedCode(email: string): Promise<string> {
  expect((await start(email)).status).toBe(202);
  return lastCode(email);
}

function wrong(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('POST /v1/sites/:site/auth/email/start', () => {
  it('mails a six-digit code valid for ten minutes', async () => {
    const res = await start('Fatima@Example.nl');
    expect(res.status).toBe(202);
    const body = (await res.json()) as EmailCodeSent;
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60 * 1000);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(await lastCode('fatima@example.nl')).toMatch(/^\d{6}$/);
  });

  it('never stores the code or the address in clear', async () => {
    const email = 'clear-text-check@example.nl';
    const code = await mailedCode(email);
    const { results } = await env.DB.prepare('select * from email_codes').all();
    const stored = JSON.stringify(results);
    expect(results.length).toBeGreaterThan(0);
    expect(stored).not.toContain(code);
    expect(stored.toLowerCase()).not.toContain('clear-text-check');
  });

  it('limits codes per address: the sixth within an hour gets 429 with Retry-After', async () => {
    const email = 'many-codes@example.nl';
    for (let i = 0; i < 5; i++) expect((await start(email)).status).toBe(202);
    const res = await start(email);
    await expectProblem(res, 429, 'rate-limited');
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(3000);
  });

  it('limits sign-in attempts per client address with 429 and Retry-After', async () => {
    const ip = freshIp();
    // All at once, so that the limit's 60-second window cannot lapse on a slow machine mid-test.
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => start(`visitor-${i}@example.nl`, ip).then((r) => r.status)));
    expect(statuses.every((s) => s === 202)).toBe(true);
    const res = await start('one-more@example.nl', ip);
    await expectProblem(res, 429, 'rate-limited');
    expect(res.headers.get('Retry-After')).toBe('60');
  });

  it('rejects an address that is not one, naming the field', async () => {
    const body = await expectProblem(await start('geen-adres'), 400, 'invalid-request');
    expect(body.detail).toContain('email');
  });
});

describe('POST /v1/sites/:site/auth/email/verify', () => {
  it('signs a demo user in with the mailed code', async () => {
    const code = await mailedCode('joost@example.nl');
    const res = await verify('joost@example.nl', code);
    expect(res.status).toBe(200);
    const session = (await res.json()) as AuthSession;
    expect(session.user).toMatchObject({ displayName: 'Joost de Vries', roles: ['resident'] });
  });

  it('accepts a code once', async () => {
    const code = await mailedCode('anouk@example.nl');
    expect((await verify('anouk@example.nl', code)).status).toBe(200);
    await expectProblem(await verify('anouk@example.nl', code), 401, 'code-invalid');
  });

  it('locks the code after five wrong tries, even for the right code', async () => {
    const email = 'five-tries@example.nl';
    const code = await mailedCode(email);
    for (let i = 0; i < 5; i++) await expectProblem(await verify(email, wrong(code)), 401, 'code-invalid');
    await expectProblem(await verify(email, code), 401, 'code-locked');
  });

  it('counts parallel wrong tries exactly, so guessing in parallel gains nothing', async () => {
    const email = 'parallel-tries@example.nl';
    const code = await mailedCode(email);
    const guesses = Array.from({ length: 10 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const slugs = await Promise.all(guesses.map(async (g) => ((await (await verify(email, g)).json()) as { type: string }).type.split('/').pop()));
    expect(slugs.filter((s) => s === 'code-invalid')).toHaveLength(5);
    expect(slugs.filter((s) => s === 'code-locked')).toHaveLength(5);
  });

  it('refuses an expired code', async () => {
    const email = 'late@example.nl';
    const code = await mailedCode(email);
    await env.DB.prepare('update email_codes set expires_at = ? where consumed_at is null').bind(Date.now() - 1000).run();
    await expectProblem(await verify(email, code), 401, 'code-expired');
  });

  it('lets a new code replace the previous one', async () => {
    const email = 'twice@example.nl';
    const first = await mailedCode(email);
    const second = await mailedCode(email);
    if (first !== second) await expectProblem(await verify(email, first), 401, 'code-invalid');
    expect((await verify(email, second)).status).toBe(200);
  });

  it('does not accept a code on another site than the one it was sent for', async () => {
    const code = await mailedCode('mehmet@example.nl');
    await expectProblem(await verify('mehmet@example.nl', code, 'woonstichting-voorbeeld'), 401, 'code-invalid');
  });

  it('creates a resident for a new address', async () => {
    const email = 'nieuwe.buur@example.nl';
    const session = (await (await verify(email, await mailedCode(email))).json()) as AuthSession;
    expect(session.user).toMatchObject({ displayName: 'Buurtbewoner', roles: ['resident'], organisation: null });
  });

  it('makes someone with an organisation’s verified domain its professional', async () => {
    const email = 'nieuwe.collega@woonstichting-voorbeeld.nl';
    const session = (await (await verify(email, await mailedCode(email))).json()) as AuthSession;
    expect(session.user.roles).toEqual(['professional']);
    expect(session.user.organisation?.name).toBe('Woonstichting Voorbeeld');
    const change = await env.DB.prepare('select reason, changed_by from role_changes where user_id = ?').bind(session.user.id).first();
    expect(change).toEqual({ reason: 'email-domain', changed_by: null });
  });

  it('does not make a subdomain of a verified domain a professional', async () => {
    const email = 'iemand@nep.voorbeeldstad.nl';
    const session = (await (await verify(email, await mailedCode(email))).json()) as AuthSession;
    expect(session.user.roles).toEqual(['resident']);
  });
});
