import { and, eq, lt } from 'drizzle-orm';
import type { JWK } from 'jose';
import { siteKeys, usedSsoTokens } from '../db/schema.js';
import type { Database } from './database.js';

/** The site a key belongs to. */
export interface KeyedSite {
  key: string;
  networkId: string;
}

/** A site's SSO key as verification needs it. */
export type SiteKeyRecord = Pick<typeof siteKeys.$inferSelect, 'kid' | 'alg' | 'secretName' | 'encryptedSecret' | 'publicJwk' | 'status'>;

/** A new SSO key for a site: HS256 names a worker secret or carries its encrypted secret (see auth/secret-box.ts), ES256 the public key. */
export type NewSiteKey =
  | { kid: string; alg: 'HS256'; secretName: string }
  | { kid: string; alg: 'HS256'; encryptedSecret: string }
  | { kid: string; alg: 'ES256'; publicJwk: JWK };

/** The site's key with this `kid`, active or retired; null when the site has none. */
export async function findSiteKey(db: Database, site: KeyedSite, kid: string): Promise<SiteKeyRecord | null> {
  const [row] = await db
    .select({
      kid: siteKeys.kid,
      alg: siteKeys.alg,
      secretName: siteKeys.secretName,
      encryptedSecret: siteKeys.encryptedSecret,
      publicJwk: siteKeys.publicJwk,
      status: siteKeys.status,
    })
    .from(siteKeys)
    .where(and(eq(siteKeys.networkId, site.networkId), eq(siteKeys.siteKey, site.key), eq(siteKeys.kid, kid)))
    .limit(1);
  return row ?? null;
}

/** Adds an active SSO key to a site (the seed, and network admins in the console); false when the site already has the kid. */
export async function addSiteKey(db: Database, site: KeyedSite, key: NewSiteKey, now = new Date()): Promise<boolean> {
  const inserted = await db
    .insert(siteKeys)
    .values({
      siteKey: site.key,
      networkId: site.networkId,
      kid: key.kid,
      alg: key.alg,
      secretName: 'secretName' in key ? key.secretName : null,
      encryptedSecret: 'encryptedSecret' in key ? key.encryptedSecret : null,
      publicJwk: key.alg === 'ES256' ? key.publicJwk : null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ kid: siteKeys.kid });
  return inserted.length === 1;
}

/** Every SSO key of a site, oldest first, without key material. */
export async function listSiteKeys(db: Database, site: KeyedSite) {
  return db
    .select({ kid: siteKeys.kid, alg: siteKeys.alg, status: siteKeys.status, createdAt: siteKeys.createdAt, retiredAt: siteKeys.retiredAt })
    .from(siteKeys)
    .where(and(eq(siteKeys.networkId, site.networkId), eq(siteKeys.siteKey, site.key)))
    .orderBy(siteKeys.createdAt, siteKeys.kid);
}

/** Retires a site's key: tokens signed with it are refused from now on. */
export async function retireSiteKey(db: Database, site: KeyedSite, kid: string, now = new Date()): Promise<void> {
  await db
    .update(siteKeys)
    .set({ status: 'retired', retiredAt: now })
    .where(and(eq(siteKeys.networkId, site.networkId), eq(siteKeys.siteKey, site.key), eq(siteKeys.kid, kid)));
}

/**
 * Records that an SSO token's `jti` was used; false when it already was. The primary key on
 * (site, jti) makes this race-free: of two requests with the same token, one insert wins.
 * Expired entries of the site are dropped on the way, since an expired token fails anyway.
 */
export async function recordSsoTokenUse(db: Database, site: KeyedSite, jti: string, expiresAt: Date, now = new Date()): Promise<boolean> {
  const [, inserted] = await db.batch([
    db.delete(usedSsoTokens).where(and(eq(usedSsoTokens.siteKey, site.key), lt(usedSsoTokens.expiresAt, now))),
    db
      .insert(usedSsoTokens)
      .values({ siteKey: site.key, jti, networkId: site.networkId, expiresAt })
      .onConflictDoNothing()
      .returning({ jti: usedSsoTokens.jti }),
  ]);
  return inserted.length === 1;
}
