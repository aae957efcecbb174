// Talking to the local worker's API as many residents at once, for the end-to-end tests and the
// load run: signing in by host SSO or by e-mail code, and calls that honour rate limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSsoToken } from '@buurtplein/sdk/server';
import type { AuthSession } from '@buurtplein/sdk/contract';
import { ROOT } from '../../scripts/local-server.js';

/** A signed-in resident: their access token and, as Cloudflare would report it, their own client address. */
export interface Resident {
  token: string;
  userId: string;
  displayName: string;
  /** Sent as `CF-Connecting-IP`: locally no proxy sets it, and neighbours are many addresses, not one. */
  address: string;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  as?: Resident;
  /** Reused on every retry, so the write is applied once. */
  idempotencyKey?: string;
  /** Waits out a 429 (Retry-After) and tries again, this many times. */
  retries?: number;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly problem: { type?: string; detail?: string },
    what: string,
  ) {
    super(`${what}: ${status} ${problem.type ?? ''} ${problem.detail ?? ''}`);
  }

  /** The problem type's slug, e.g. `unsafe-link`. */
  get code(): string {
    return this.problem.type?.split('/').pop() ?? '';
  }
}

/** The dev SSO secret of `site` from `.dev.vars` (see `.dev.vars.example`). */
export function devSsoSecret(site: string): string {
  const name = `SSO_SECRET_${site.replace(/-/g, '_').toUpperCase()}`;
  const line = readFileSync(join(ROOT, '.dev.vars'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`${name} is missing from .dev.vars`);
  return line.slice(name.length + 1).trim();
}

let nextAddress = 1;
/** A distinct loopback address per simulated resident. */
export function newAddress(): string {
  const n = nextAddress++;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

/** The API of one site on the local worker. */
export function siteApi(baseUrl: string, site: string) {
  const root = `${baseUrl}/v1/sites/${site}`;

  async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.as?.token) headers.Authorization = `Bearer ${options.as.token}`;
    if (options.as) headers['CF-Connecting-IP'] = options.as.address;
    if (method !== 'GET') headers['Idempotency-Key'] = options.idempotencyKey ?? crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(root + path, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
      const text = await res.text();
      if (res.ok) return (text ? JSON.parse(text) : undefined) as T;
      const retryAfter = Number(res.headers.get('Retry-After') ?? '1');
      if (res.status === 429 && attempt < (options.retries ?? 3) && retryAfter <= 60) {
        await new Promise((r) => setTimeout(r, retryAfter * 1000));
        continue;
      }
      let problem = {};
      try {
        problem = JSON.parse(text);
      } catch {
        problem = { detail: text.slice(0, 200) };
      }
      throw new ApiFailure(res.status, problem, `${method} ${path}`);
    }
  }

  return {
    root,
    call,

    /** Signs a resident in through the site's host SSO with its dev secret: one per `sub`. */
    async signInSso(sub: string, name: string, address = newAddress()): Promise<Resident> {
      const token = await signSsoToken({ site, kid: 'dev', secret: devSsoSecret(site), sub, name, ttlSeconds: 300 });
      const session = await call<AuthSession>('/auth/sso', { method: 'POST', body: { token }, as: { token: '', userId: '', displayName: '', address } });
      return { token: session.accessToken, userId: session.user.id, displayName: session.user.displayName, address };
    },

    /** Signs in by e-mail code, reading the code from the dev mailbox. */
    async signInEmail(email: string, address = newAddress()): Promise<Resident> {
      const since = Date.now();
      const anonymous = { token: '', userId: '', displayName: '', address };
      await call('/auth/email/start', { method: 'POST', body: { email }, as: anonymous });
      for (let attempt = 0; attempt < 100; attempt++) {
        const mails = (await (await fetch(`${baseUrl}/dev/mailbox`, { headers: { Accept: 'application/json' } })).json()) as { to: string; text: string; createdAt: string }[];
        const code = mails.find((m) => m.to === email && Date.parse(m.createdAt) >= since - 1000)?.text.match(/\b\d{6}\b/)?.[0];
        if (code) {
          const session = await call<AuthSession>('/auth/email/verify', { method: 'POST', body: { email, code }, as: anonymous });
          return { token: session.accessToken, userId: session.user.id, displayName: session.user.displayName, address };
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no sign-in code for ${email} in the dev mailbox`);
    },
  };
}

export type SiteApi = ReturnType<typeof siteApi>;
