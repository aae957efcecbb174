import type { Neighbourhood, Site } from '@buurtplein/sdk/contract';
import { eq, sql } from 'drizzle-orm';
import { neighbourhoods, networks, siteNeighbourhoods, sites } from '../db/schema.js';
import type { Database, SiteScope } from './database.js';

/** A site as the worker knows it, secrets included; never sent as is. */
export interface SiteRecord extends SiteScope {
  key: string;
  name: string;
  networkName: string;
  /** The network's content version when the record was read: part of the edge cache key. */
  contentVersion: number;
  allowedOrigins: string[];
  theme: Record<string, string>;
  locales: ('nl' | 'en')[];
  neighbourhoods: Neighbourhood[];
}

interface NeighbourhoodJson {
  id: string;
  name: string;
  networkId: string;
  cbsCode: string | null;
  postcodes: string[];
}

/**
 * Loads a site with its network's name and content version, the neighbourhoods it shows (in its
 * order, as one JSON array) and whether they are all of the network's, in one statement; null
 * when there is no such site.
 */
export async function findSite(db: Database, key: string): Promise<SiteRecord | null> {
  const shown = sql<string>`(select json_group_array(json_object('id', n.id, 'name', n.name, 'networkId', n.network_id, 'cbsCode', n.cbs_code, 'postcodes', json(n.postcodes)))
    from (select ${neighbourhoods.id} as id, ${neighbourhoods.name} as name, ${neighbourhoods.networkId} as network_id, ${neighbourhoods.cbsCode} as cbs_code, ${neighbourhoods.postcodes} as postcodes
      from ${siteNeighbourhoods} inner join ${neighbourhoods} on ${neighbourhoods.id} = ${siteNeighbourhoods.neighbourhoodId}
      where ${siteNeighbourhoods.siteKey} = ${key} order by ${siteNeighbourhoods.position}) as n)`;
  const [found] = await db
    .select({
      site: sites,
      networkName: sql<string>`${networks.name}`.as('network_name'),
      contentVersion: sql<number>`${networks.contentVersion}`.as('content_version'),
      neighbourhoods: shown.as('shown_neighbourhoods'),
      inNetwork: sql<number>`(select count(*) from ${neighbourhoods} where ${neighbourhoods.networkId} = ${sites.networkId})`.as('network_neighbourhoods'),
    })
    .from(sites)
    .innerJoin(networks, eq(networks.id, sites.networkId))
    .where(eq(sites.key, key))
    .limit(1);
  if (!found) return null;
  const shownHere = (JSON.parse(found.neighbourhoods) as NeighbourhoodJson[])
    .filter((n) => n.networkId === found.site.networkId)
    .map((n) => ({ id: n.id, name: n.name, cbsCode: n.cbsCode, postcodes: n.postcodes }));
  return {
    key: found.site.key,
    name: found.site.name,
    networkId: found.site.networkId,
    networkName: found.networkName,
    contentVersion: found.contentVersion,
    allowedOrigins: found.site.allowedOrigins,
    theme: found.site.theme,
    locales: found.site.locales,
    neighbourhoods: shownHere,
    neighbourhoodIds: shownHere.map((n) => n.id),
    // Its own network's, each once (site_neighbourhoods' key): as many means all of them.
    showsWholeNetwork: shownHere.length > 0 && shownHere.length === found.inNetwork,
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

/** The statement that bumps a network's content version; every write's batch carries it (see commitWrite). */
export function bumpContentVersion(db: Database, networkId: string) {
  return db
    .update(networks)
    .set({ contentVersion: sql`${networks.contentVersion} + 1` })
    .where(eq(networks.id, networkId));
}
