import type { OrganisationKind, OrganisationRef } from '@buurtplein/sdk/contract';
import { asc, eq } from 'drizzle-orm';
import { organisations } from '../db/schema.js';
import type { Database } from './database.js';

type OrganisationRow = typeof organisations.$inferSelect;

const kinds: Record<OrganisationRow['kind'], OrganisationKind> = {
  municipality: 'municipality',
  housing_corporation: 'housing-corporation',
  welfare: 'welfare',
  other: 'other',
};

/** Turns an organisation's columns into the badge shown beside a professional. */
export function toOrganisationRef(row: Pick<OrganisationRow, 'id' | 'name' | 'kind'>): OrganisationRef {
  return { id: row.id, name: row.name, kind: kinds[row.kind] };
}

/** Every organisation of the network, by name: what a professional can be granted to work for. */
export async function listOrganisations(db: Database, networkId: string): Promise<OrganisationRef[]> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map(toOrganisationRef);
}
