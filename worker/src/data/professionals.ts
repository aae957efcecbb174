import type { NeighbourhoodRef, Professional, ProfessionalPage } from '@buurtplein/sdk/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { professionalNeighbourhoods, professionalProfiles } from '../db/community.js';
import { neighbourhoods, organisations, users } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import type { Database, SiteScope } from './database.js';
import { toOrganisationRef } from './organisations.js';
import { inSiteWindow } from './bound-values.js';

/** Filters of the directory, already checked against the site. */
export interface ProfessionalFilter {
  expertise?: string;
  neighbourhoodId?: string;
  /** Continue after this professional (from the cursor). */
  afterId?: string;
  limit: number;
}

/**
 * One page of the professionals who serve a neighbourhood the site shows, by name. The cursor
 * names the last professional; the next page continues after their (name, id) pair.
 */
export async function listProfessionals(db: Database, scope: SiteScope, filter: ProfessionalFilter): Promise<ProfessionalPage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      jobTitle: professionalProfiles.jobTitle,
      bio: professionalProfiles.bio,
      expertise: professionalProfiles.expertise,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(users)
    .innerJoin(professionalProfiles, and(eq(professionalProfiles.userId, users.id), eq(professionalProfiles.networkId, scope.networkId)))
    .innerJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.networkId, scope.networkId)))
    .where(
      and(
        eq(users.networkId, scope.networkId),
        eq(users.isProfessional, true),
        inArray(
          users.id,
          db
            .select({ userId: professionalNeighbourhoods.userId })
            .from(professionalNeighbourhoods)
            .where(and(eq(professionalNeighbourhoods.networkId, scope.networkId), filter.neighbourhoodId ? eq(professionalNeighbourhoods.neighbourhoodId, filter.neighbourhoodId) : inSiteWindow(professionalNeighbourhoods.neighbourhoodId, scope))),
        ),
        filter.expertise
          ? sql`exists (select 1 from json_each(${professionalProfiles.expertise}) e where lower(e.value) = lower(${filter.expertise}))`
          : undefined,
        filter.afterId
          ? sql`(${users.displayName}, ${users.id}) > (select display_name, id from users where id = ${filter.afterId})`
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(filter.limit + 1);
  const pageRows = rows.slice(0, filter.limit);
  const areas = await servedNeighbourhoods(db, scope, pageRows.map((r) => r.id));
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(
      (r): Professional => ({
        id: r.id,
        displayName: r.displayName,
        jobTitle: r.jobTitle,
        organisation: toOrganisationRef({ id: r.organisationId, name: r.organisationName, kind: r.organisationKind }),
        expertise: r.expertise,
        neighbourhoods: areas.get(r.id) ?? [],
        bio: r.bio,
      }),
    ),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}

/** The neighbourhoods, of those the site shows, that each of these professionals serves; in the site's order. */
async function servedNeighbourhoods(db: Database, scope: SiteScope, userIds: string[]): Promise<Map<string, NeighbourhoodRef[]>> {
  const byUser = new Map<string, NeighbourhoodRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: professionalNeighbourhoods.userId, id: neighbourhoods.id, name: neighbourhoods.name })
    .from(professionalNeighbourhoods)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, professionalNeighbourhoods.neighbourhoodId))
    .where(
      and(
        eq(professionalNeighbourhoods.networkId, scope.networkId),
        inArray(professionalNeighbourhoods.userId, userIds),
        inSiteWindow(professionalNeighbourhoods.neighbourhoodId, scope),
      ),
    );
  const order = new Map(scope.neighbourhoodIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), { id: r.id, name: r.name }]);
  return byUser;
}
