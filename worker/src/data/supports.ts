import type { SupportState } from '@buurtplein/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { supports } from '../db/community.js';
import type { Database, Write } from './database.js';
import type { Participation } from './members.js';

/**
 * Plans a +1 (`on`) or its withdrawal. Supporting twice is a no-op (the insert does nothing on
 * conflict) and the count is kept by trigger, so parallel requests never double count. The
 * answered count is the one this request saw plus its own change.
 */
export function setSupport(db: Database, networkId: string, userId: string, seen: Participation, on: boolean, now = new Date()): Write<SupportState> {
  const initiativeId = seen.initiative.id;
  const change = on === seen.supports ? 0 : on ? 1 : -1;
  return {
    statements: [
      on
        ? db.insert(supports).values({ networkId, initiativeId, userId, createdAt: now }).onConflictDoNothing()
        : db.delete(supports).where(and(eq(supports.networkId, networkId), eq(supports.initiativeId, initiativeId), eq(supports.userId, userId))),
    ],
    result: { supporterCount: Math.max(0, seen.initiative.supporterCount + change), supported: on },
  };
}
