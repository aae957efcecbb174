import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { InitiativeNeed, InitiativeStatus, InitiativeTheme, Locale, Theme } from '@buurtplein/sdk/contract';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** The tenant boundary: every other row carries its network's id, and no query crosses it. */
export const networks = sqliteTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** A municipality, housing corporation, welfare organisation or other partner in a network. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['municipality', 'housing_corporation', 'welfare', 'other'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('organisations_network_idx').on(t.networkId)],
);

/** A host website: a window onto some of its network's neighbourhoods. */
export const sites = sqliteTable(
  'sites',
  {
    key: text('key').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    organisationId: text('organisation_id').references(() => organisations.id),
    name: text('name').notNull(),
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    theme: text('theme', { mode: 'json' }).$type<Theme>().notNull().default(sql`'{}'`),
    locales: text('locales', { mode: 'json' }).$type<Locale[]>().notNull().default(sql`'["nl","en"]'`),
    createdAt: createdAt(),
  },
  (t) => [index('sites_network_idx').on(t.networkId)],
);

/** A neighbourhood (CBS buurt where known) of a network. */
export const neighbourhoods = sqliteTable(
  'neighbourhoods',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    name: text('name').notNull(),
    cbsCode: text('cbs_code'),
    postcodes: text('postcodes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [index('neighbourhoods_network_idx').on(t.networkId), uniqueIndex('neighbourhoods_cbs_idx').on(t.networkId, t.cbsCode)],
);

/** Which neighbourhoods a site shows, in the order it shows them. */
export const siteNeighbourhoods = sqliteTable(
  'site_neighbourhoods',
  {
    siteKey: text('site_key').notNull().references(() => sites.key),
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    networkId: text('network_id').notNull().references(() => networks.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteKey, t.neighbourhoodId] })],
);

/** A resident or professional, pseudonymous, within one network. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    displayName: text('display_name').notNull(),
    email: text('email'),
    homeNeighbourhoodId: text('home_neighbourhood_id').references(() => neighbourhoods.id),
    organisationId: text('organisation_id').references(() => organisations.id),
    isProfessional: integer('is_professional', { mode: 'boolean' }).notNull().default(false),
    isModerator: integer('is_moderator', { mode: 'boolean' }).notNull().default(false),
    isNetworkAdmin: integer('is_network_admin', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('users_network_idx').on(t.networkId)],
);

/** A residents' initiative; its owner stays the plan owner. */
export const initiatives = sqliteTable(
  'initiatives',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    neighbourhoodId: text('neighbourhood_id').notNull().references(() => neighbourhoods.id),
    ownerId: text('owner_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<InitiativeStatus>().notNull().default('idea'),
    themes: text('themes', { mode: 'json' }).$type<InitiativeTheme[]>().notNull().default(sql`'[]'`),
    needs: text('needs', { mode: 'json' }).$type<InitiativeNeed[]>().notNull().default(sql`'[]'`),
    supporterCount: integer('supporter_count').notNull().default(0),
    memberCount: integer('member_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index('initiatives_neighbourhood_idx').on(t.networkId, t.neighbourhoodId, t.id),
    index('initiatives_status_idx').on(t.networkId, t.neighbourhoodId, t.status, t.id),
  ],
);
