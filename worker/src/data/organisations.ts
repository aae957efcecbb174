import type { OrganisationKind, OrganisationRef } from '@buurtplein/sdk/contract';
import type { organisations } from '../db/schema.js';

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
