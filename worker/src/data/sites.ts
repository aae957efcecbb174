import type { Neighbourhood, Site } from '@buurtplein/sdk/contract';
import { asc, eq, sql } from 'drizzle-orm';
import { neighbourhoods, networks, siteNeighbourhoods, sites } from '../db/schema.js';
import type { Database, SiteScope } from './database.js';

/** A site as the worker knows it, secrets included; never sent as is. */
export interface SiteRecord extends SiteScope {
  key: string;
  name: string;
  networkName: string;
  allowedOrigins: string[];
  theme: Record<string, string>;
  locales: ('nl' | 'en')[];
  neighbourhoods: Neighbourhood[];
}

/** Turns a neighbourhood row into its wire shape. */
export function toNeighbourhood(row: typeof neighbourhoods.$inferSelect): Neighbourhood {
  return { id: row.id, name: row.name, cbsCode: row.cbsCode, postcodes: row.postcodes };
}

/**
 * Loads a site with the neighbourhoods it shows, in one D1 batch; null when there is no such site.
 * (Batched D1 results are keyed by column name, so joined columns that share a name need an alias.)
 */
export async function findSite(db: Database, key: string): Promise<SiteRecord | null> {
  const [siteRows, neighbourhoodRows] = await db.batch([
    db
      .select({ site: sites, networkName: sql<string>`${networks.name}`.as('network_name') })
      .from(sites)
      .innerJoin(networks, eq(networks.id, sites.networkId))
      .where(eq(sites.key, key))
      .limit(1),
    db
      .select({ neighbourhood: neighbourhoods })
      .from(siteNeighbourhoods)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, siteNeighbourhoods.neighbourhoodId))
      .where(eq(siteNeighbourhoods.siteKey, key))
      .orderBy(asc(siteNeighbourhoods.position)),
  ]);
  const found = siteRows[0];
  if (!found) return null;
  const shown = neighbourhoodRows
    .map((r) => r.neighbourhood)
    .filter((n) => n.networkId === found.site.networkId)
    .map(toNeighbourhood);
  return {
    key: found.site.key,
    name: found.site.name,
    networkId: found.site.networkId,
    networkName: found.networkName,
    allowedOrigins: found.site.allowedOrigins,
    theme: found.site.theme,
    locales: found.site.locales,
    neighbourhoods: shown,
    neighbourhoodIds: shown.map((n) => n.id),
  };
}

/** The neighbourhood the site shows under this id or CBS code, or undefined when it shows none. */
export function shownNeighbourhood(site: SiteRecord, ref: string): Neighbourhood | undefined {
  return site.neighbourhoods.find((n) => n.id === ref || n.cbsCode === ref);
}

/** Turns a site into its public configuration. */
export function toSite(record: SiteRecord): Site {
  return {
    key: record.key,
    name: record.name,
    network: { id: record.networkId, name: record.networkName },
    locales: record.locales,
    theme: record.theme,
    neighbourhoods: record.neighbourhoods,
  };
}
