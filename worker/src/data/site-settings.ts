import { DEFAULT_SITE_POLICY, type SitePolicy, type SiteSettings, type UpdateSiteSettingsRequest } from '@buurtplein/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { neighbourhoods, siteNeighbourhoods, sites } from '../db/schema.js';
import { oneOf } from './bound-values.js';
import type { Database, Statements, Write } from './database.js';
import type { SiteRecord } from './sites.js';

/** A stored (possibly partial) policy with the defaults filled in. */
export function withDefaults(stored: Partial<SitePolicy> | null | undefined): SitePolicy {
  return {
    autoHideAfter: stored?.autoHideAfter ?? DEFAULT_SITE_POLICY.autoHideAfter,
    premoderateFirstPosts: stored?.premoderateFirstPosts ?? DEFAULT_SITE_POLICY.premoderateFirstPosts,
    turnstile: stored?.turnstile ?? DEFAULT_SITE_POLICY.turnstile,
  };
}

/** The moderation policy of a site. */
export async function findSitePolicy(db: Database, site: Pick<SiteRecord, 'key' | 'networkId'>): Promise<SitePolicy> {
  const [row] = await db
    .select({ policy: sites.policy })
    .from(sites)
    .where(and(eq(sites.networkId, site.networkId), eq(sites.key, site.key)))
    .limit(1);
  return withDefaults(row?.policy);
}

/** The settings network admins manage: origins, theme, shown neighbourhoods and policy. */
export async function findSiteSettings(db: Database, site: SiteRecord): Promise<SiteSettings> {
  return {
    allowedOrigins: site.allowedOrigins,
    theme: site.theme,
    neighbourhoodIds: site.neighbourhoodIds.slice(),
    policy: await findSitePolicy(db, site),
  };
}

/** Which of these ids are neighbourhoods of the network. */
export async function networkNeighbourhoodIds(db: Database, networkId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: neighbourhoods.id })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.networkId, networkId), oneOf(neighbourhoods.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Plans a change of a site's settings; `current` as read for this request. The shown
 * neighbourhoods are replaced as a whole, in the given order; the caller has checked that they
 * belong to the network.
 */
export function updateSiteSettings(db: Database, site: SiteRecord, current: SiteSettings, changes: UpdateSiteSettingsRequest): Write<SiteSettings> {
  const policy: SitePolicy = { ...current.policy, ...Object.fromEntries(Object.entries(changes.policy ?? {}).filter(([, v]) => v !== undefined)) };
  const next: SiteSettings = {
    allowedOrigins: changes.allowedOrigins ?? current.allowedOrigins,
    theme: changes.theme ?? current.theme,
    neighbourhoodIds: changes.neighbourhoodIds ? [...new Set(changes.neighbourhoodIds)] : current.neighbourhoodIds,
    policy,
  };
  const statements: Statements = [
    db
      .update(sites)
      .set({ allowedOrigins: next.allowedOrigins, theme: next.theme, policy: next.policy })
      .where(and(eq(sites.networkId, site.networkId), eq(sites.key, site.key))),
  ];
  if (changes.neighbourhoodIds) {
    statements.push(db.delete(siteNeighbourhoods).where(eq(siteNeighbourhoods.siteKey, site.key)));
    next.neighbourhoodIds.forEach((neighbourhoodId, position) => {
      statements.push(db.insert(siteNeighbourhoods).values({ siteKey: site.key, neighbourhoodId, networkId: site.networkId, position }));
    });
  }
  return { statements, result: next };
}
