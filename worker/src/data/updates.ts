import type { InitiativeUpdate, InitiativeUpdatePage } from '@buurtplein/sdk/contract';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { initiativeUpdates } from '../db/community.js';
import { newId } from '../db/ids.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, Write } from './database.js';

/**
 * An initiative's visible updates with their authors' names, newest first; `where` narrows further.
 * The row carries its author's name (a copy kept by triggers, migration 0017): no user is read per update.
 */
export function selectUpdates(db: Database, networkId: string, initiativeId: string, where?: SQL) {
  return db
    .select({
      id: initiativeUpdates.id,
      initiativeId: initiativeUpdates.initiativeId,
      authorId: initiativeUpdates.authorId,
      body: initiativeUpdates.body,
      createdAt: initiativeUpdates.createdAt,
      authorName: initiativeUpdates.authorName,
    })
    .from(initiativeUpdates)
    .where(
      and(
        eq(initiativeUpdates.networkId, networkId),
        eq(initiativeUpdates.initiativeId, initiativeId),
        eq(initiativeUpdates.hidden, false),
        where,
      ),
    )
    .orderBy(desc(initiativeUpdates.id));
}

/** Turns a selected update into its wire shape. */
export function toInitiativeUpdate(row: {
  id: string;
  initiativeId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  authorName: string;
}): InitiativeUpdate {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    author: { id: row.authorId, displayName: row.authorName },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One page of an initiative's timeline, newest first; the cursor is the last id (stable under inserts). */
export async function listUpdates(
  db: Database,
  networkId: string,
  initiativeId: string,
  page: { afterId?: string; limit: number },
): Promise<InitiativeUpdatePage> {
  const rows = await selectUpdates(db, networkId, initiativeId, page.afterId ? lt(initiativeUpdates.id, page.afterId) : undefined).limit(
    page.limit + 1,
  );
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return { data: pageRows.map(toInitiativeUpdate), nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null };
}

/** Plans an organiser's progress update. */
export function createUpdate(
  db: Database,
  networkId: string,
  initiativeId: string,
  author: { id: string; displayName: string },
  body: string,
  now = new Date(),
): Write<InitiativeUpdate> {
  const id = newId(now.getTime());
  return {
    statements: [db.insert(initiativeUpdates).values({ id, networkId, initiativeId, authorId: author.id, body, createdAt: now })],
    result: { id, initiativeId, author, body, createdAt: now.toISOString() },
  };
}
