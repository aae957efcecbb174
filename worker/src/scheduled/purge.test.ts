import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../index.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function count(table: string, where = '1 = 1'): Promise<number> {
  return (await env.DB.prepare(`select count(*) as n from ${table} where ${where}`).first<{ n: number }>())!.n;
}

/** Runs the worker's cron handler as Cloudflare would at `at`. */
async function runCron(at: number): Promise<void> {
  const controller = createScheduledController({ scheduledTime: at, cron: '0 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled!(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the hourly purge', () => {
  it('removes expired codes, used SSO jtis, ended sessions and day-old idempotency records, and keeps what still counts', async () => {
    const now = Date.now();
    const net = 'voorbeeldstad';
    const site = 'gemeente-voorbeeldstad';
    const user = (await env.DB.prepare(`select id from users where network_id = ? limit 1`).bind(net).first<{ id: string }>())!.id;
    const old = now - 2 * DAY;
    await env.DB.batch([
      env.DB.prepare(`insert into email_codes (id, network_id, site_key, email_hash, code_hash, expires_at, created_at) values ('purge-code-old', ?, ?, 'h', 'c', ?, ?)`).bind(net, site, now - HOUR, old),
      env.DB.prepare(`insert into email_codes (id, network_id, site_key, email_hash, code_hash, expires_at, created_at) values ('purge-code-new', ?, ?, 'h', 'c', ?, ?)`).bind(net, site, now + HOUR, now),
      env.DB.prepare(`insert into used_sso_tokens (site_key, jti, network_id, expires_at) values (?, 'purge-jti-old', ?, ?)`).bind(site, net, now - HOUR),
      env.DB.prepare(`insert into used_sso_tokens (site_key, jti, network_id, expires_at) values (?, 'purge-jti-new', ?, ?)`).bind(site, net, now + HOUR),
      env.DB.prepare(`insert into refresh_tokens (id, network_id, site_key, user_id, family_id, token_hash, expires_at, created_at) values ('purge-rt-expired', ?, ?, ?, 'fam-a', 'hash-a', ?, ?)`).bind(net, site, user, now - HOUR, old),
      env.DB.prepare(`insert into refresh_tokens (id, network_id, site_key, user_id, family_id, token_hash, expires_at, revoked_at, created_at) values ('purge-rt-revoked', ?, ?, ?, 'fam-b', 'hash-b', ?, ?, ?)`).bind(net, site, user, now + DAY, now - HOUR, old),
      // A revoked token whose family still has a live token stays: it is what marks the family as ended.
      env.DB.prepare(`insert into refresh_tokens (id, network_id, site_key, user_id, family_id, token_hash, expires_at, revoked_at, created_at) values ('purge-rt-marker', ?, ?, ?, 'fam-c', 'hash-c', ?, ?, ?)`).bind(net, site, user, now + DAY, now - HOUR, old),
      env.DB.prepare(`insert into refresh_tokens (id, network_id, site_key, user_id, family_id, token_hash, expires_at, created_at) values ('purge-rt-sibling', ?, ?, ?, 'fam-c', 'hash-d', ?, ?)`).bind(net, site, user, now + DAY, now),
      env.DB.prepare(`insert into idempotency_records (network_id, scope, key, request_hash, status, body, created_at) values (?, 's', 'purge-old', 'r', 201, '{}', ?)`).bind(net, now - DAY - HOUR),
      env.DB.prepare(`insert into idempotency_records (network_id, scope, key, request_hash, status, body, created_at) values (?, 's', 'purge-new', 'r', 201, '{}', ?)`).bind(net, now - HOUR),
    ]);

    await runCron(now);

    expect(await count('email_codes', `id like 'purge-code-%'`)).toBe(1);
    expect(await count('email_codes', `id = 'purge-code-new'`)).toBe(1);
    expect(await count('used_sso_tokens', `jti like 'purge-jti-%'`)).toBe(1);
    expect(await count('used_sso_tokens', `jti = 'purge-jti-new'`)).toBe(1);
    const tokens = await env.DB.prepare(`select id from refresh_tokens where id like 'purge-rt-%' order by id`).all<{ id: string }>();
    expect(tokens.results.map((r) => r.id)).toEqual(['purge-rt-marker', 'purge-rt-sibling']);
    expect(await count('idempotency_records', `key like 'purge-%'`)).toBe(1);
    expect(await count('idempotency_records', `key = 'purge-new'`)).toBe(1);
  });
});
