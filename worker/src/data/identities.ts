import { and, eq, sql, type SQL } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { identities, users } from '../db/schema.js';
import type { Database } from './database.js';

/** How someone proved who they are: `sso:<site>` with the host's subject, or `email` with the address. */
export interface IdentityKey {
  provider: string;
  subject: string;
}

/** What the sign-in says about the person. */
export interface IdentityProfile {
  /** The display name the host sent; applied only when `issuedAt` is newer than the last one seen. */
  displayName?: string;
  /** The SSO token's `iat`, in seconds. */
  issuedAt?: number;
  /** The address a code was sent to, kept on a new user so mail can reach them. */
  email?: string;
}

/** The name a new user gets until they choose one. */
const DEFAULT_DISPLAY_NAME = 'Buurtbewoner';

async function findIdentity(db: Database, networkId: string, key: IdentityKey) {
  const [row] = await db
    .select({ id: identities.id, userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.networkId, networkId), eq(identities.provider, key.provider), eq(identities.subject, key.subject)))
    .limit(1);
  return row ?? null;
}

/**
 * The user behind an identity in the network, created on first sign-in. The display name
 * follows the host's only from a token issued later than the last one seen, in one batch, so a
 * delayed old token never undoes a rename.
 */
export async function signInIdentity(db: Database, networkId: string, key: IdentityKey, profile: IdentityProfile): Promise<string> {
  const found = await findIdentity(db, networkId, key);
  if (found) {
    const { displayName, issuedAt } = profile;
    if (issuedAt !== undefined) {
      const newer = (column: typeof identities.lastTokenIat | SQL) => sql`coalesce(${column}, -1) < ${issuedAt}`;
      const recordIat = db
        .update(identities)
        .set({ lastTokenIat: issuedAt })
        .where(and(eq(identities.id, found.id), newer(identities.lastTokenIat)));
      if (displayName === undefined) {
        await recordIat;
      } else {
        const lastIat = sql`(select ${identities.lastTokenIat} from ${identities} where ${identities.id} = ${found.id})`;
        await db.batch([
          db
            .update(users)
            .set({ displayName })
            .where(and(eq(users.networkId, networkId), eq(users.id, found.userId), newer(lastIat))),
          recordIat,
        ]);
      }
    }
    return found.userId;
  }

  const userId = newId();
  try {
    await db.batch([
      db.insert(users).values({ id: userId, networkId, displayName: profile.displayName ?? DEFAULT_DISPLAY_NAME, email: profile.email ?? null }),
      db.insert(identities).values({
        id: newId(),
        networkId,
        userId,
        provider: key.provider,
        subject: key.subject,
        lastTokenIat: profile.issuedAt ?? null,
      }),
    ]);
    return userId;
  } catch (error) {
    // Two first sign-ins at once: the unique index let one batch in; use the user it created.
    const winner = await findIdentity(db, networkId, key);
    if (winner) return winner.userId;
    throw error;
  }
}
