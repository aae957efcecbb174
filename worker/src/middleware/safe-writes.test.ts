import type { RoleChange } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, freshIp, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoId } from '../db/seed.js';
import { MemoryRateLimiter } from '../http/rate-limit.js';

const SITE = 'gemeente-voorbeeldstad';
const ME = `/v1/sites/${SITE}/me`;
const user = (key: string) => demoId('voorbeeldstad', 'user', key);

async function countRows(sql: string, ...params: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())!.n;
}

describe('content type and size of mutations', () => {
  it('refuses a body that is not JSON with 415, so a plain form can never write', async () => {
    const { accessToken } = await signIn(SITE, 'joost');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await api(ME, { method: 'PATCH', headers: { 'Content-Type': type, Authorization: `Bearer ${accessToken}` }, body: '{"displayName":"X"}' });
      await expectProblem(res, 415, 'unsupported-media-type');
    }
    const res = await api(`/v1/sites/${SITE}/auth/email/start`, { method: 'POST', body: 'email=joost@example.nl' });
    await expectProblem(res, 415, 'unsupported-media-type');
  });

  it('accepts JSON with a charset parameter', async () => {
    const res = await api(`/v1/sites/${SITE}/auth/email/start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ email: 'charset@example.nl' }),
    });
    expect(res.status).toBe(202);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const { accessToken } = await signIn(SITE, 'joost');
    const res = await send(ME, { displayName: 'x'.repeat(65 * 1024) }, { method: 'PATCH', token: accessToken });
    await expectProblem(res, 413, 'payload-too-large');
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await api(`/v1/sites/${SITE}/auth/email/start`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":' });
    await expectProblem(res, 400, 'invalid-request');
  });

  it('requires a bearer token for a mutation that needs a user', async () => {
    await expectProblem(await send(ME, { displayName: 'Niemand' }, { method: 'PATCH' }), 401, 'unauthorized');
  });

  it('lets the allowed origin read the problem of a refused write', async () => {
    const res = await api(ME, { method: 'PATCH', origin: 'https://www.voorbeeldstad.nl', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(res.status).toBe(415);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://www.voorbeeldstad.nl');
    expect(res.headers.get('Vary')).toContain('Origin');
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated request with the stored response and writes once', async () => {
    const admin = await signIn(SITE, 'beheer');
    const options = { token: admin.accessToken, idempotencyKey: crypto.randomUUID() };
    const path = `/v1/sites/${SITE}/admin/users/${user('sanne')}/roles`;
    const first = await send(path, { role: 'moderator' }, options);
    const second = await send(path, { role: 'moderator' }, options);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await second.text()).toBe(await first.text());
    expect(await countRows('select count(*) as n from role_changes where user_id = ?', user('sanne'))).toBe(1);
  });

  it('refuses the same key with a different body with 422', async () => {
    const admin = await signIn(SITE, 'beheer');
    const options = { token: admin.accessToken, idempotencyKey: crypto.randomUUID() };
    const path = `/v1/sites/${SITE}/admin/users/${user('pieter')}/roles`;
    expect((await send(path, { role: 'moderator' }, options)).status).toBe(201);
    await expectProblem(await send(path, { role: 'network-admin' }, options), 422, 'idempotency-key-reused');
  });

  it('creates one row for 20 parallel POSTs with one key, and answers all with identical bodies', async () => {
    const admin = await signIn(SITE, 'beheer');
    const options = { token: admin.accessToken, idempotencyKey: crypto.randomUUID() };
    const path = `/v1/sites/${SITE}/admin/users/${user('yara')}/roles`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(path, { role: 'moderator' }, options)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect((JSON.parse(bodies[0]!) as RoleChange).userId).toBe(user('yara'));
    expect(await countRows('select count(*) as n from role_changes where user_id = ?', user('yara'))).toBe(1);
    expect(await countRows('select count(*) as n from idempotency_records where key = ?', options.idempotencyKey)).toBe(1);
  });

  it('keeps keys apart per user: another user’s identical key is a new request', async () => {
    const key = crypto.randomUUID();
    const joost = await signIn(SITE, 'joost');
    const anouk = await signIn(SITE, 'anouk');
    const a = await send(ME, { displayName: 'Zelfde sleutel' }, { method: 'PATCH', token: joost.accessToken, idempotencyKey: key });
    const b = await send(ME, { displayName: 'Zelfde sleutel' }, { method: 'PATCH', token: anouk.accessToken, idempotencyKey: key });
    expect(((await a.json()) as { id: string }).id).toBe(user('joost'));
    expect(((await b.json()) as { id: string }).id).toBe(user('anouk'));
    expect(b.headers.get('Idempotency-Replayed')).toBeNull();
  });

  it('does not send a second code mail when an e-mail request is retried with its key', async () => {
    const email = 'retry@example.nl';
    const options = { idempotencyKey: crypto.randomUUID() };
    const first = await send(`/v1/sites/${SITE}/auth/email/start`, { email }, options);
    const second = await send(`/v1/sites/${SITE}/auth/email/start`, { email }, options);
    expect(await second.text()).toBe(await first.text());
    expect(await countRows('select count(*) as n from dev_mailbox where "to" = ?', email)).toBe(1);
  });

  it('rejects a malformed key with 400', async () => {
    const res = await send(`/v1/sites/${SITE}/auth/email/start`, { email: 'x@example.nl' }, { idempotencyKey: 'a'.repeat(300) });
    await expectProblem(res, 400, 'invalid-request');
  });
});

describe('burst rate limits', () => {
  it('answers a user’s burst of writes beyond the limit with 429 and Retry-After', async () => {
    const { accessToken } = await signIn(SITE, 'wim');
    const responses = await Promise.all(
      Array.from({ length: 35 }, (_, i) => send(ME, { displayName: `Wim ${i}` }, { method: 'PATCH', token: accessToken, ip: freshIp() })),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.status === 200).length).toBeLessThanOrEqual(30);
    await expectProblem(limited[0]!, 429, 'rate-limited');
    expect(limited[0]!.headers.get('Retry-After')).toBe('10');
  });

  it('falls back to an in-memory fixed window when the binding is absent', () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(2, 10, () => now);
    expect(limiter.take('ip:a')).toEqual({ success: true });
    expect(limiter.take('ip:a')).toEqual({ success: true });
    now += 4_000;
    expect(limiter.take('ip:a')).toEqual({ success: false, retryAfter: 6 });
    expect(limiter.take('ip:b')).toEqual({ success: true });
    now += 6_000;
    expect(limiter.take('ip:a')).toEqual({ success: true });
  });
});
