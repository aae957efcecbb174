import type { InitiativeDetail, InitiativePage, InitiativeStatus, InitiativeSummary } from '@buurtplein/sdk/contract';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { initiatives, neighbourhoods, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope } from './database.js';

/** Filters of an initiative list, already checked against the site. */
export interface InitiativeFilter {
  neighbourhoodId?: string;
  status?: InitiativeStatus;
  /** Continue after this id (from the cursor). */
  afterId?: string;
  limit: number;
}

type InitiativeRow = typeof initiatives.$inferSelect;

/** Turns an initiative row into its list shape. */
export function toInitiativeSummary(row: InitiativeRow, neighbourhoodName: string): InitiativeSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    neighbourhood: { id: row.neighbourhoodId, name: neighbourhoodName },
    themes: row.themes,
    needs: row.needs,
    supporterCount: row.supporterCount,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The condition that keeps a query inside the site's window: its network and its neighbourhoods. */
function inScope(scope: SiteScope): SQL {
  return and(eq(initiatives.networkId, scope.networkId), inArray(initiatives.neighbourhoodId, [...scope.neighbourhoodIds]))!;
}

/** One page of the initiatives a site shows, newest first. */
export async function listInitiatives(db: Database, scope: SiteScope, filter: InitiativeFilter): Promise<InitiativePage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const rows = await db
    .select({ initiative: initiatives, neighbourhoodName: neighbourhoods.name })
    .from(initiatives)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
    .where(
      and(
        inScope(scope),
        filter.neighbourhoodId ? eq(initiatives.neighbourhoodId, filter.neighbourhoodId) : undefined,
        filter.status ? eq(initiatives.status, filter.status) : undefined,
        filter.afterId ? lt(initiatives.id, filter.afterId) : undefined,
      ),
    )
    .orderBy(desc(initiatives.id))
    .limit(filter.limit + 1);
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => toInitiativeSummary(r.initiative, r.neighbourhoodName)),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.initiative.id) : null,
  };
}

/** One initiative the site shows, with its full text; null when the site does not show it. */
export async function getInitiative(db: Database, scope: SiteScope, id: string): Promise<InitiativeDetail | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select({ initiative: initiatives, neighbourhoodName: neighbourhoods.name, ownerName: users.displayName })
    .from(initiatives)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
    .innerJoin(users, eq(users.id, initiatives.ownerId))
    .where(and(inScope(scope), eq(initiatives.id, id)))
    .limit(1);
  if (!row) return null;
  return {
    ...toInitiativeSummary(row.initiative, row.neighbourhoodName),
    body: row.initiative.body,
    owner: { id: row.initiative.ownerId, displayName: row.ownerName },
  };
}
