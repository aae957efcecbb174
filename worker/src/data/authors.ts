import type { Author, Me } from '@buurtplein/sdk/contract';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { organisations, users } from '../db/schema.js';

const authorOrganisations = alias(organisations, 'author_organisation');

/** The columns that make an author; select them with `users` joined on the author and `joinAuthorOrganisation`. */
export const authorColumns = {
  authorId: users.id,
  authorName: users.displayName,
  authorProfessional: users.isProfessional,
  authorOrganisationId: authorOrganisations.id,
  authorOrganisationName: authorOrganisations.name,
};

/** The left join that brings a professional author's organisation (of the same network) into `authorColumns`. */
export function joinAuthorOrganisation(networkId: string) {
  return [
    authorOrganisations,
    and(eq(authorOrganisations.id, users.organisationId), eq(authorOrganisations.networkId, networkId), eq(users.isProfessional, true)),
  ] as const;
}

/** Turns the selected author columns into the wire shape. */
export function toAuthor(row: {
  authorId: string;
  authorName: string;
  authorProfessional: boolean;
  authorOrganisationId: string | null;
  authorOrganisationName: string | null;
}): Author {
  return {
    id: row.authorId,
    displayName: row.authorName,
    professional: row.authorProfessional,
    organisation:
      row.authorOrganisationId !== null && row.authorOrganisationName !== null
        ? { id: row.authorOrganisationId, name: row.authorOrganisationName }
        : null,
  };
}

/** A user as the author of what they write now, from their profile. */
export function authorOf(me: Me): Author {
  const professional = me.roles.includes('professional');
  return { id: me.id, displayName: me.displayName, professional, organisation: professional ? me.organisation : null };
}
