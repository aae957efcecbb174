import type { Context } from 'hono';
import type { BatchItem } from 'drizzle-orm/batch';
import { sha256 } from '../auth/hashing.js';
import type { Write } from '../data/database.js';
import { needsPremoderation } from '../data/moderation.js';
import { findSitePolicy } from '../data/site-settings.js';
import { DAILY_QUOTAS, countOne, countToday, postedRecently, rememberPost, type QuotaKind } from '../data/quotas.js';
import type { AppEnv } from '../env.js';
import { ApiError } from './api-error.js';
import { MAX_LINKS_PER_COMMENT, MAX_LINKS_PER_POST, countLinks, unsafeLink } from './links.js';

const linkLimits: Record<QuotaKind, number> = {
  initiative: MAX_LINKS_PER_POST,
  thread: MAX_LINKS_PER_POST,
  comment: MAX_LINKS_PER_COMMENT,
  report: MAX_LINKS_PER_COMMENT,
};

/** Seconds until the next UTC midnight, when the daily quotas start again. */
function untilTomorrow(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

/**
 * The link checks every piece of user text passes, new or edited: only http(s) links (400
 * `unsafe-link`) and at most `maxLinks` of them (400 `too-many-links`).
 */
export function guardLinks(text: string, maxLinks: number): void {
  const scheme = unsafeLink(text);
  if (scheme) throw new ApiError('unsafe-link', `Links met "${scheme.replace(/\/\/$/, '')}" zijn niet toegestaan; gebruik http: of https:.`);
  const links = countLinks(text);
  if (links > maxLinks) throw new ApiError('too-many-links', `Deze tekst bevat ${links} links; hoogstens ${maxLinks} zijn toegestaan.`);
}

/**
 * The abuse checks of a new post by the signed-in user: only http(s) links (400 `unsafe-link`),
 * a few links at most (400 `too-many-links`), the daily quota (429 `quota-exceeded`) and no
 * repeat of the same text within ten minutes (409 `duplicate-post`). Returns the statements
 * that count the post, for the post's own batch (see `withStatements`). Call after `authorize`.
 */
export async function guardPost(c: Context<AppEnv>, kind: QuotaKind, text: string, now = new Date()): Promise<BatchItem<'sqlite'>[]> {
  const actor = c.get('actor');
  if (actor.type !== 'user') return [];
  guardLinks(text, linkLimits[kind]);
  const db = c.get('db');
  const { networkId } = c.get('site');
  if ((await countToday(db, networkId, actor.userId, kind, now)) >= DAILY_QUOTAS[kind]) {
    throw new ApiError('quota-exceeded', `U kunt dit hoogstens ${DAILY_QUOTAS[kind]} keer per dag doen; morgen kan het weer.`, {
      'Retry-After': String(untilTomorrow(now)),
    });
  }
  const statements = [countOne(db, networkId, actor.userId, kind, now)];
  if (kind !== 'report') {
    const fingerprint = await sha256(`${kind}\n${text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`);
    if (await postedRecently(db, networkId, actor.userId, fingerprint, now)) {
      throw new ApiError('duplicate-post', 'U heeft precies deze tekst net al geplaatst; vernieuw de pagina om hem te zien.');
    }
    statements.push(rememberPost(db, networkId, actor.userId, fingerprint, now));
  }
  return statements;
}

/** A planned write with more statements in its batch (e.g. the counters of `guardPost`). */
export function withStatements<T>(write: Write<T>, extra: readonly BatchItem<'sqlite'>[]): Write<T> {
  return { ...write, statements: [...write.statements, ...extra] };
}

/**
 * Whether the signed-in user's new post waits for a moderator: the site pre-moderates the first
 * posts of residents, and this resident has fewer shown posts than that. Professionals,
 * moderators and admins are known to the network and post directly.
 */
export async function awaitsPremoderation(c: Context<AppEnv>): Promise<boolean> {
  const actor = c.get('actor');
  if (actor.type !== 'user' || actor.roles.some((role) => role !== 'resident')) return false;
  const db = c.get('db');
  const site = c.get('site');
  const { premoderateFirstPosts } = await findSitePolicy(db, site);
  return needsPremoderation(db, site.networkId, actor.userId, premoderateFirstPosts);
}
