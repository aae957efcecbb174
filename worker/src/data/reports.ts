import type { Report, ReportReason } from '@buurtplein/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import { reports } from '../db/moderation.js';
import type { Database, Statements, Write } from './database.js';
import { autoHideStatements, type ModerationTarget } from './moderation.js';

/** Whether the user already has an open report on the target. */
export async function hasOpenReport(db: Database, target: Pick<ModerationTarget, 'type' | 'id' | 'networkId'>, reporterId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.networkId, target.networkId),
        eq(reports.targetType, target.type),
        eq(reports.targetId, target.id),
        eq(reports.reporterId, reporterId),
        eq(reports.status, 'open'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A report to plan, with the site's auto-hide threshold (0: never). */
export interface NewReport {
  siteKey: string;
  target: ModerationTarget;
  reporterId: string;
  reason: ReportReason;
  note: string | null;
  autoHideAfter: number;
}

/**
 * Plans a report. When the site auto-hides, the same batch hides the target and writes the
 * system's audit entry, if this report makes the open reports reach the threshold; `autoHideEntryId`
 * names that entry, so the caller can tell after the commit whether it was written.
 */
export function createReport(db: Database, input: NewReport, now = new Date()): Write<Report> & { autoHideEntryId: string | null } {
  const id = newId(now.getTime());
  const { target } = input;
  const statements: Statements = [
    db.insert(reports).values({
      id,
      networkId: target.networkId,
      neighbourhoodId: target.neighbourhoodId,
      targetType: target.type,
      targetId: target.id,
      reporterId: input.reporterId,
      reason: input.reason,
      note: input.note,
      createdAt: now,
    }),
  ];
  let autoHideEntryId: string | null = null;
  if (input.autoHideAfter > 0) {
    autoHideEntryId = newId(now.getTime());
    statements.push(...autoHideStatements(db, input.siteKey, target, input.autoHideAfter, autoHideEntryId, now));
  }
  return {
    statements,
    autoHideEntryId,
    result: { id, targetType: target.type, targetId: target.id, reason: input.reason, note: input.note, status: 'open', createdAt: now.toISOString() },
  };
}
