import { BuurtError, sessionStorageKey, type Session, type SessionStorageLike } from '@buurtplein/sdk';
import type { AuthSession } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../../src/auth/access-token.js';
import { demoInitiativeId } from '../../src/db/seed.js';
import { expectProblem, send } from '../api.js';
import { devSecret, signIn, signSso, ssoClaims } from '../auth.js';
import { testClient, workerFetch } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');

/** An in-memory `localStorage`. */
function memoryStorage(): SessionStorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

/** An access token for the user of `session` that ran out 20 minutes ago. */
async function expiredAccessToken(session: AuthSession): Promise<string> {
  const { net } = decodeJwt<{ net: string }>(session.accessToken);
  const actor = { type: 'user', userId: session.user.id, siteKey: SITE, networkId: net, roles: session.user.roles, organisationId: null } as const;
  return (await signAccessToken(env, actor, Date.now() - 20 * 60_000)).token;
}

describe('sessions in the SDK client', () => {
  it('signs in by SSO, then sends the access token with reads and writes', async () => {
    const changes: (Session | null)[] = [];
    const client = testClient(SITE, { onSessionChange: (s) => changes.push(s) });
    const token = await signSso({ ...ssoClaims(SITE, 'fatima'), name: 'Fatima El Amrani' }, devSecret(SITE));
    const session = await client.auth.sso(token);
    expect(session.user.displayName).toBe('Fatima El Amrani');
    expect(client.session?.accessToken).toBe(session.accessToken);
    expect(changes.map((s) => s?.refreshToken)).toEqual([session.refreshToken]);
    expect((await client.me.get()).id).toBe(session.user.id);
    expect((await client.initiatives.support(moestuin)).supported).toBe(true);
    expect((await client.initiatives.get(moestuin)).viewer?.supports).toBe(true);
  });

  it('refreshes an expired access token before the request, and rotates the stored refresh token', async () => {
    const first = await signIn(SITE, 'joost');
    const changes: (Session | null)[] = [];
    const client = testClient(SITE, {
      session: { accessToken: await expiredAccessToken(first), refreshToken: first.refreshToken },
      onSessionChange: (s) => changes.push(s),
    });
    expect((await client.me.get()).displayName).toBe('Joost de Vries');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.refreshToken).not.toBe(first.refreshToken);
    expect(client.session?.user?.id).toBe(first.user.id);
    // The old refresh token is used up.
    await expectProblem(await send(`/v1/sites/${SITE}/auth/refresh`, { refreshToken: first.refreshToken }), 401, 'token-replayed');
  });

  it('refreshes once when the API answers token-expired, and retries the write with the same key', async () => {
    const first = await signIn(SITE, 'sanne');
    const seen: Request[] = [];
    const client = testClient(SITE, {
      fetch: workerFetch(seen),
      session: { accessToken: await expiredAccessToken(first), accessTokenExpiresAt: new Date(Date.now() + 600_000).toISOString(), refreshToken: first.refreshToken },
    });
    expect((await client.initiatives.support(moestuin)).supported).toBe(true);
    const supports = seen.filter((r) => r.url.endsWith('/support'));
    expect(supports).toHaveLength(2);
    expect(supports[0]!.headers.get('Idempotency-Key')).toBe(supports[1]!.headers.get('Idempotency-Key'));
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      `/v1/sites/${SITE}/initiatives/${moestuin}/support`,
      `/v1/sites/${SITE}/auth/refresh`,
      `/v1/sites/${SITE}/initiatives/${moestuin}/support`,
    ]);
  });

  it('keeps the refresh token in the given storage, per site, and forgets it on logout', async () => {
    const storage = memoryStorage();
    const client = testClient(SITE, { session: storage });
    await client.auth.sso(await signSso(ssoClaims(SITE, 'mehmet'), devSecret(SITE)));
    const stored = storage.items.get(sessionStorageKey(SITE));
    expect(stored).toBe(client.session?.refreshToken);

    // A new page load: only the refresh token survives; the first call refreshes.
    const later = testClient(SITE, { session: storage });
    expect((await later.me.get()).displayName).toBe('Mehmet Yilmaz');
    expect(storage.items.get(sessionStorageKey(SITE))).not.toBe(stored);

    await later.auth.logout();
    expect(later.session).toBeNull();
    expect(storage.items.has(sessionStorageKey(SITE))).toBe(false);
    const error = await later.me.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuurtError);
    expect((error as BuurtError).code).toBe('unauthorized');
  });

  it('signs out when the refresh token is refused, and reads go on anonymously', async () => {
    const first = await signIn(SITE, 'pieter');
    await send(`/v1/sites/${SITE}/auth/logout`, { refreshToken: first.refreshToken });
    const changes: (Session | null)[] = [];
    const client = testClient(SITE, { session: { refreshToken: first.refreshToken }, onSessionChange: (s) => changes.push(s) });
    expect((await client.initiatives.get(moestuin)).viewer).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('shares one refresh between parallel requests, since a refresh token works once', async () => {
    const first = await signIn(SITE, 'yara');
    const seen: Request[] = [];
    const client = testClient(SITE, { fetch: workerFetch(seen), session: { refreshToken: first.refreshToken } });
    const answers = await Promise.all([client.me.get(), client.me.get(), client.initiatives.get(moestuin)]);
    expect(answers[0].displayName).toBe('Yara Mohamed');
    expect(seen.filter((r) => r.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('signs in with an e-mailed code', async () => {
    const client = testClient(SITE);
    const sent = await client.auth.startEmail('Anouk@Example.nl');
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(Date.now());
    const row = await env.DB.prepare('select text from dev_mailbox where "to" = ? order by id desc limit 1').bind('anouk@example.nl').first<{ text: string }>();
    const code = row!.text.match(/\b(\d{6})\b/)![1]!;
    const session = await client.auth.verifyEmail('anouk@example.nl', code);
    expect(session.user.displayName).toBe('Anouk Jansen');
    expect((await client.me.get()).id).toBe(session.user.id);
  });

  it('refreshes on request, rotating the tokens', async () => {
    const client = testClient(SITE);
    await client.auth.sso(await signSso(ssoClaims(SITE, 'wim'), devSecret(SITE)));
    const before = client.session!;
    const after = await client.auth.refresh();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(client.session?.accessToken).toBe(after.accessToken);
  });
});
