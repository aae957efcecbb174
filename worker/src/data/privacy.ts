import { FORMER_RESIDENT_NAME, type AccountDeleted, type ContributionsChoice, type UserExport } from '@buurtplein/sdk/contract';
import { and, asc, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { hmac } from '../auth/hashing.js';
import {
  comments,
  eventRsvps,
  events,
  helpOffers,
  initiativeStatusChanges,
  initiativeUpdates,
  memberships,
  professionalNeighbourhoods,
  professionalProfiles,
  supports,
  threads,
} from '../db/community.js';
import { newId } from '../db/ids.js';
import { dailyCounters, deletionLog, moderationLog, recentPosts, reports, userBlocks } from '../db/moderation.js';
import { follows, notificationSettings, outboundEvents } from '../db/outbound.js';
import { devMailbox, emailCodes, identities, idempotencyRecords, initiatives, refreshTokens, roleChanges, users } from '../db/schema.js';
import type { Database, Statements } from './database.js';
import { forgetOutbound } from './outbound-privacy.js';

/**
 * The user's rights over their data: everything stored about them, and deleting it. A deletion
 * is recorded in the deletion log (only the pseudonymous id and the choice), so that after
 * restoring a backup taken before it, `replayDeletions` deletes again.
 */

/** Everything stored about the user in the network, per kind; null when there is no such user. */
export async function exportUserData(db: Database, networkId: string, userId: string, now = new Date()): Promise<UserExport | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.networkId, networkId), eq(users.id, userId)))
    .limit(1);
  if (!user) return null;
  const mine = (table: { networkId: SQLiteColumn }) => eq(table.networkId, networkId);
  const [
    identityRows,
    sessionRows,
    initiativeRows,
    membershipRows,
    supportRows,
    statusRows,
    updateRows,
    threadRows,
    commentRows,
    offerRows,
    eventRows,
    rsvpRows,
    reportRows,
    roleRows,
    decisionRows,
    blockRows,
    profileRows,
    professionalNeighbourhoodRows,
    followRows,
    notificationRows,
  ] = await db.batch([
    db
      .select({ provider: identities.provider, subject: identities.subject, createdAt: identities.createdAt })
      .from(identities)
      .where(and(mine(identities), eq(identities.userId, userId))),
    // Sessions without their token hashes: a hash is a credential, not information about the user.
    db
      .select({ siteKey: refreshTokens.siteKey, createdAt: refreshTokens.createdAt, expiresAt: refreshTokens.expiresAt, usedAt: refreshTokens.usedAt, revokedAt: refreshTokens.revokedAt })
      .from(refreshTokens)
      .where(and(mine(refreshTokens), eq(refreshTokens.userId, userId))),
    db.select().from(initiatives).where(and(mine(initiatives), eq(initiatives.ownerId, userId))),
    db.select().from(memberships).where(and(mine(memberships), eq(memberships.userId, userId))),
    db.select().from(supports).where(and(mine(supports), eq(supports.userId, userId))),
    db.select().from(initiativeStatusChanges).where(and(mine(initiativeStatusChanges), eq(initiativeStatusChanges.changedBy, userId))),
    db.select().from(initiativeUpdates).where(and(mine(initiativeUpdates), eq(initiativeUpdates.authorId, userId))),
    db.select().from(threads).where(and(mine(threads), eq(threads.authorId, userId))),
    db.select().from(comments).where(and(mine(comments), eq(comments.authorId, userId))),
    db.select().from(helpOffers).where(and(mine(helpOffers), eq(helpOffers.professionalId, userId))),
    db.select().from(events).where(and(mine(events), eq(events.organiserId, userId))),
    db.select().from(eventRsvps).where(and(mine(eventRsvps), eq(eventRsvps.userId, userId))),
    db.select().from(reports).where(and(mine(reports), eq(reports.reporterId, userId))),
    db.select().from(roleChanges).where(and(mine(roleChanges), eq(roleChanges.userId, userId))),
    db.select().from(moderationLog).where(and(mine(moderationLog), eq(moderationLog.userId, userId))),
    db.select().from(userBlocks).where(and(mine(userBlocks), eq(userBlocks.userId, userId))),
    db.select().from(professionalProfiles).where(and(mine(professionalProfiles), eq(professionalProfiles.userId, userId))),
    db.select().from(professionalNeighbourhoods).where(and(mine(professionalNeighbourhoods), eq(professionalNeighbourhoods.userId, userId))),
    db.select().from(follows).where(and(mine(follows), eq(follows.userId, userId))),
    db.select().from(notificationSettings).where(and(mine(notificationSettings), eq(notificationSettings.userId, userId))),
  ]);
  return {
    exportedAt: now.toISOString(),
    networkId,
    user: { ...user },
    identities: identityRows,
    sessions: sessionRows,
    initiatives: initiativeRows,
    memberships: membershipRows,
    supports: supportRows,
    statusChanges: statusRows,
    updates: updateRows,
    threads: threadRows,
    comments: commentRows,
    helpOffers: offerRows,
    events: eventRows,
    rsvps: rsvpRows,
    reports: reportRows,
    roleChanges: roleRows,
    moderationDecisions: decisionRows,
    blocked: blockRows.length > 0,
    professionalProfile: profileRows[0] ?? null,
    professionalNeighbourhoods: professionalNeighbourhoodRows,
    follows: followRows,
    notificationSettings: notificationRows[0] ?? null,
  } as unknown as UserExport;
}

/** What identifies a user in stored text: their name and the e-mail addresses known of them (on their row and as e-mail identities). */
async function identifiersOf(db: Database, networkId: string, userId: string): Promise<{ displayName: string | null; addresses: string[] }> {
  const [userRows, identityRows] = await db.batch([
    db.select({ email: users.email, displayName: users.displayName }).from(users).where(and(eq(users.networkId, networkId), eq(users.id, userId))),
    db
      .select({ subject: identities.subject })
      .from(identities)
      .where(and(eq(identities.networkId, networkId), eq(identities.userId, userId), eq(identities.provider, 'email'))),
  ]);
  const all = [...userRows.map((r) => r.email), ...identityRows.map((r) => r.subject)].filter((e): e is string => Boolean(e));
  const displayName = userRows[0]?.displayName ?? null;
  return { displayName: displayName === FORMER_RESIDENT_NAME ? null : displayName, addresses: [...new Set(all)] };
}

/** What a deletion needs beyond the ids: the HMAC key of e-mail codes, to find codes sent to the user's addresses. */
export interface DeletionSecrets {
  codeSecret: string;
}

/**
 * The statements that remove a user's personal data: identities, e-mail (also as code HMACs and
 * in the dev mailbox), name (→ "Voormalig buurtbewoner"), roles, sessions, supports, RSVPs,
 * memberships other than ownership, professional profile, reports, follows and notification
 * settings and the outbox events they caused, counters and stored responses; their name in
 * other outbox events. With `remove` the texts of their contributions go too (comments become tombstones,
 * initiatives, topics and meetings are hidden and emptied, updates removed). The user row
 * stays, nameless, so kept contributions and the audit log still hold together.
 */
async function deletionStatements(db: Database, networkId: string, userId: string, contributions: ContributionsChoice, secrets: DeletionSecrets): Promise<Statements> {
  const { displayName, addresses } = await identifiersOf(db, networkId, userId);
  const hashes = await Promise.all(addresses.map((email) => hmac(secrets.codeSecret, `email:${email}`)));
  const n = networkId;
  const statements: Statements = [
    db
      .update(users)
      .set({ displayName: FORMER_RESIDENT_NAME, email: null, homeNeighbourhoodId: null, organisationId: null, isProfessional: false, isModerator: false, isNetworkAdmin: false })
      .where(and(eq(users.networkId, n), eq(users.id, userId))),
    db.delete(identities).where(and(eq(identities.networkId, n), eq(identities.userId, userId))),
    db.delete(refreshTokens).where(and(eq(refreshTokens.networkId, n), eq(refreshTokens.userId, userId))),
    db.delete(supports).where(and(eq(supports.networkId, n), eq(supports.userId, userId))),
    db.delete(eventRsvps).where(and(eq(eventRsvps.networkId, n), eq(eventRsvps.userId, userId))),
    // Ownership stays while the initiative does (an initiative always has its owner).
    db.delete(memberships).where(and(eq(memberships.networkId, n), eq(memberships.userId, userId), ne(memberships.role, 'owner'))),
    db.delete(professionalNeighbourhoods).where(and(eq(professionalNeighbourhoods.networkId, n), eq(professionalNeighbourhoods.userId, userId))),
    db.delete(professionalProfiles).where(and(eq(professionalProfiles.networkId, n), eq(professionalProfiles.userId, userId))),
    db.delete(reports).where(and(eq(reports.networkId, n), eq(reports.reporterId, userId))),
    db.delete(userBlocks).where(and(eq(userBlocks.networkId, n), eq(userBlocks.userId, userId))),
    db.delete(dailyCounters).where(and(eq(dailyCounters.networkId, n), eq(dailyCounters.userId, userId))),
    db.delete(recentPosts).where(and(eq(recentPosts.networkId, n), eq(recentPosts.userId, userId))),
    db.delete(idempotencyRecords).where(and(eq(idempotencyRecords.networkId, n), like(idempotencyRecords.scope, `%:${userId}`))),
    ...forgetOutbound(db, n, userId),
  ];
  // Events about others (an offer accepted, a member who joined) may name the user as they were named then.
  if (displayName) {
    const quoted = sql`json_quote(${displayName})`;
    statements.push(
      db
        .update(outboundEvents)
        .set({ payload: sql`replace(${outboundEvents.payload}, ${quoted}, json_quote(${FORMER_RESIDENT_NAME}))` })
        .where(and(eq(outboundEvents.networkId, n), sql`instr(${outboundEvents.payload}, ${quoted}) > 0`)),
    );
  }
  if (hashes.length > 0) statements.push(db.delete(emailCodes).where(and(eq(emailCodes.networkId, n), inArray(emailCodes.emailHash, hashes))));
  if (addresses.length > 0) statements.push(db.delete(devMailbox).where(and(eq(devMailbox.networkId, n), inArray(devMailbox.to, addresses))));
  if (contributions === 'remove') statements.push(...removeContributions(db, n, userId));
  return statements;
}

function removeContributions(db: Database, n: string, userId: string): BatchItem<'sqlite'>[] {
  return [
    db
      .update(comments)
      .set({ status: 'deleted', body: '', editedAt: null })
      .where(and(eq(comments.networkId, n), eq(comments.authorId, userId))),
    db.delete(initiativeUpdates).where(and(eq(initiativeUpdates.networkId, n), eq(initiativeUpdates.authorId, userId))),
    db
      .update(initiatives)
      .set({ visibility: 'hidden', title: '', summary: '', body: '' })
      .where(and(eq(initiatives.networkId, n), eq(initiatives.ownerId, userId))),
    db
      .update(threads)
      .set({ hidden: sql`(${threads.kind} = 'topic') or ${threads.hidden}`, title: '', body: '' })
      .where(and(eq(threads.networkId, n), eq(threads.authorId, userId))),
    db
      .update(events)
      .set({ hidden: true, title: '', description: '', location: null, onlineUrl: null })
      .where(and(eq(events.networkId, n), eq(events.organiserId, userId))),
    db.update(helpOffers).set({ message: '' }).where(and(eq(helpOffers.networkId, n), eq(helpOffers.professionalId, userId))),
    db
      .update(initiativeStatusChanges)
      .set({ note: null })
      .where(and(eq(initiativeStatusChanges.networkId, n), eq(initiativeStatusChanges.changedBy, userId))),
  ];
}

/** Plans deleting the user's account: their personal data goes, the deletion is logged. */
export async function deleteAccount(
  db: Database,
  networkId: string,
  userId: string,
  contributions: ContributionsChoice,
  secrets: DeletionSecrets,
  now = new Date(),
): Promise<{ statements: Statements; result: AccountDeleted }> {
  const statements = await deletionStatements(db, networkId, userId, contributions, secrets);
  statements.unshift(db.insert(deletionLog).values({ id: newId(now.getTime()), networkId, userId, contributions, createdAt: now }));
  return { statements, result: { userId, contributions, deletedAt: now.toISOString() } };
}

/** Whether the user deleted their account: their token may still live a few minutes, but they can no longer write. */
export async function isDeleted(db: Database, networkId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deletionLog.id })
    .from(deletionLog)
    .where(and(eq(deletionLog.networkId, networkId), eq(deletionLog.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/** An entry of the deletion log. */
export type DeletionEntry = typeof deletionLog.$inferSelect;

/** The whole deletion log, oldest first: keep a copy outside the database to replay after a restore. */
export async function listDeletions(db: Database): Promise<DeletionEntry[]> {
  return db.select().from(deletionLog).orderBy(asc(deletionLog.id));
}

/**
 * Deletes again what the deletion log says was deleted: run it after restoring a backup. Entries
 * missing from the restored log (`entries`, from a copy kept elsewhere) are written back first.
 * Idempotent: replaying an already applied deletion changes nothing. Spans networks by design:
 * it is an operator's tool, not a request's.
 */
export async function replayDeletions(db: Database, secrets: DeletionSecrets, entries?: readonly DeletionEntry[]): Promise<number> {
  const log = entries ?? (await listDeletions(db));
  for (const entry of log) {
    const statements = await deletionStatements(db, entry.networkId, entry.userId, entry.contributions, secrets);
    await db.batch([db.insert(deletionLog).values(entry).onConflictDoNothing(), ...statements]);
  }
  return log.length;
}
