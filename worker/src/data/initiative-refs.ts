import { and, eq, inArray } from 'drizzle-orm';
import { memberships } from '../db/community.js';
import { initiatives } from '../db/schema.js';
import type { Database, SiteScope } from './database.js';
import { inSiteWindow } from './bound-values.js';

/** What help offers and meetings need to know about the initiative they belong to. */
export interface InitiativeRef {
  id: string;
  title: string;
  neighbourhoodId: string;
  ownerId: string;
  /** The owner and the active co-organisers. */
  organiserIds: string[];
}

/** An initiative the site shows, with who runs it; null when the site does not show it. */
export async function findInitiativeRef(db: Database, scope: SiteScope, initiativeId: string): Promise<InitiativeRef | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select({ id: initiatives.id, title: initiatives.title, neighbourhoodId: initiatives.neighbourhoodId, ownerId: initiatives.ownerId })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.networkId, scope.networkId),
        inSiteWindow(initiatives.neighbourhoodId, scope),
        eq(initiatives.visibility, 'visible'),
        eq(initiatives.id, initiativeId),
      ),
    )
    .limit(1);
  if (!row) return null;
  const organisers = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.networkId, scope.networkId),
        eq(memberships.initiativeId, initiativeId),
        inArray(memberships.role, ['owner', 'organiser']),
        eq(memberships.status, 'active'),
      ),
    );
  return { ...row, organiserIds: [...new Set([row.ownerId, ...organisers.map((o) => o.userId)])] };
}
