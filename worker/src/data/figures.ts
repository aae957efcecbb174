import { InitiativeStatus, type NeighbourhoodFigures } from '@buurtplein/sdk/contract';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { helpOffers } from '../db/community.js';
import { initiatives } from '../db/schema.js';
import type { Database } from './database.js';
import { ASKS_FOR_HELP } from './initiatives.js';
import type { SiteRecord } from './sites.js';
import { inSiteWindow } from './bound-values.js';

const HOUR = 60 * 60 * 1000;

/** The median of a list of numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Figures per neighbourhood the site shows, over the initiatives the public sees: how many per
 * status, how many ask for help, the median time from an initiative asking for help (when it
 * was started with needs) to the first offer of a professional, and the offers accepted
 * (fulfilled ones were accepted first and count too).
 */
export async function siteFigures(db: Database, site: SiteRecord): Promise<NeighbourhoodFigures[]> {
  if (site.neighbourhoodIds.length === 0) return [];
  const shown = and(
    eq(initiatives.networkId, site.networkId),
    inSiteWindow(initiatives.neighbourhoodId, site),
    eq(initiatives.visibility, 'visible'),
  );
  const [byStatus, waits, accepted] = await db.batch([
    db
      .select({ neighbourhoodId: initiatives.neighbourhoodId, status: initiatives.status, count: sql<number>`count(*)`.as('n') })
      .from(initiatives)
      .where(shown)
      .groupBy(initiatives.neighbourhoodId, initiatives.status),
    db
      .select({
        neighbourhoodId: initiatives.neighbourhoodId,
        // Spelled out: in a one-table select drizzle leaves column names unqualified, and inside the
        // subquery they would name the offer's own columns. The unary `+` keeps SQLite on the
        // initiative's offers, off the (network, …) indexes that hold every offer in the network.
        waitMs: sql<number | null>`(select min(o.created_at) from ${helpOffers} o where o.initiative_id = "initiatives"."id" and +o.network_id = ${site.networkId}) - "initiatives"."created_at"`.as('wait_ms'),
      })
      .from(initiatives)
      .where(and(shown, ASKS_FOR_HELP)),
    db
      .select({ neighbourhoodId: initiatives.neighbourhoodId, count: sql<number>`count(*)`.as('accepted') })
      .from(helpOffers)
      .innerJoin(initiatives, eq(initiatives.id, helpOffers.initiativeId))
      .where(and(shown, eq(helpOffers.networkId, site.networkId), inArray(helpOffers.status, ['accepted', 'fulfilled'])))
      .groupBy(initiatives.neighbourhoodId),
  ]);
  return site.neighbourhoods.map((n) => {
    const initiativesByStatus = Object.fromEntries(InitiativeStatus.options.map((s) => [s, 0])) as Record<string, number>;
    for (const row of byStatus) if (row.neighbourhoodId === n.id) initiativesByStatus[row.status] = Number(row.count);
    const asking = waits.filter((w) => w.neighbourhoodId === n.id);
    const hours = asking.flatMap((w) => (w.waitMs === null ? [] : [Math.max(0, Number(w.waitMs)) / HOUR]));
    const mid = median(hours);
    return {
      neighbourhood: { id: n.id, name: n.name },
      initiativesByStatus,
      initiativesWithNeeds: asking.length,
      medianHoursToFirstOffer: mid === null ? null : Math.round(mid * 10) / 10,
      acceptedOffers: Number(accepted.find((a) => a.neighbourhoodId === n.id)?.count ?? 0),
    };
  });
}

/** A CSV field for Dutch Excel: quoted when needed, and never read as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The figures as CSV the way Dutch Excel opens it: UTF-8 with BOM, semicolons, decimal commas, CRLF. */
export function figuresCsv(figures: readonly NeighbourhoodFigures[]): string {
  const statuses = InitiativeStatus.options;
  const header = ['buurt', ...statuses.map((s) => `initiatieven ${s}`), 'initiatieven met hulpvraag', 'mediaan uren tot eerste aanbod', 'geaccepteerde aanbiedingen'];
  const rows = figures.map((f) => [
    f.neighbourhood.name,
    ...statuses.map((s) => f.initiativesByStatus[s] ?? 0),
    f.initiativesWithNeeds,
    f.medianHoursToFirstOffer,
    f.acceptedOffers,
  ]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}
