import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { JWK } from 'jose';
import type { InitiativeNeed, InitiativeStatus, InitiativeTheme, Locale, ModerationState, SitePolicy, Theme } from '@buurtplein/sdk/contract';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** The tenant boundary: every other row carries its network's id, and no query crosses it. */
export const networks = sqliteTable('networks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Bumped in the same batch as every write in the network: part of the edge cache key, so a write makes cached reads stale. */
  contentVersion: integer('content_version').notNull().default(0),
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
    /** Moderation policy; members left out take `DEFAULT_SITE_POLICY`'s values. */
    policy: text('policy', { mode: 'json' }).$type<Partial<SitePolicy>>().notNull().default(sql`'{}'`),
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
  (t) => [
    primaryKey({ columns: [t.siteKey, t.neighbourhoodId] }),
    index('site_neighbourhoods_position_idx').on(t.siteKey, t.position),
  ],
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
    /** `hidden` by moderation, `pending` until a moderator lets a new resident's first posts through; only `visible` shows. */
    visibility: text('visibility').$type<ModerationState>().notNull().default('visible'),
    /**
     * The ids of the initiatives most like this one in its network, best first, computed when the
     * initiative is written (see `similarIdsOf`) so that its page reads them by key instead of
     * searching the text index; null until first computed. Reads still check each one's scope.
     */
    similarIds: text('similar_ids', { mode: 'json' }).$type<string[]>(),
    /**
     * Since when `similar_ids` may miss a newer initiative or still name one that changed: set by a
     * write to an initiative this one lists, cleared once its list is searched again (see
     * data/similar-refresh.ts). Null while the list is current.
     */
    similarStaleAt: integer('similar_stale_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    // Newest first across a window of many neighbourhoods (see pageIds in data/initiatives.ts).
    index('initiatives_network_idx').on(t.networkId, t.id),
    index('initiatives_status_idx').on(t.networkId, t.neighbourhoodId, t.status, t.id),
    // A neighbourhood's visible initiatives newest first, with and without a status: the list's
    // ranges (see newestPage in data/initiatives.ts) step over no hidden or pending entry, each of
    // which D1 counts as read. It replaces (network, neighbourhood, id), which SQLite would pick
    // for a cursor's page, the two indexes then matching as many terms.
    index('initiatives_visible_idx').on(t.networkId, t.neighbourhoodId, t.visibility, t.id),
    index('initiatives_visible_status_idx').on(t.networkId, t.neighbourhoodId, t.visibility, t.status, t.id),
    // The same ranges of only the initiatives that ask for help, so `needs=any` (or one need) steps
    // over none that need nothing; the list writes the condition as here (see ASKS_FOR_HELP).
    index('initiatives_help_idx').on(t.networkId, t.neighbourhoodId, t.visibility, t.id).where(sql`${t.needs} <> '[]'`),
    // And those of one status, so a list of e.g. the active ones asking for help steps over no idea.
    index('initiatives_help_status_idx').on(t.networkId, t.neighbourhoodId, t.visibility, t.status, t.id).where(sql`${t.needs} <> '[]'`),
    index('initiatives_owner_idx').on(t.networkId, t.ownerId),
    // The few whose similar ids were never computed, for the cron's backfill (see scheduled/similar-backfill.ts).
    index('initiatives_similar_missing_idx').on(t.id).where(sql`${t.similarIds} is null`),
    // The few whose similar ids are stale, a network's oldest first, for their refresh after a write and by the cron.
    index('initiatives_similar_stale_idx').on(t.networkId, t.similarStaleAt, t.id).where(sql`${t.similarStaleAt} is not null`),
  ],
);

/** A key a site's server signs SSO tokens with; several per site at once, picked by `kid`, for rotation. */
export const siteKeys = sqliteTable(
  'site_keys',
  {
    siteKey: text('site_key').notNull().references(() => sites.key),
    networkId: text('network_id').notNull().references(() => networks.id),
    kid: text('kid').notNull(),
    alg: text('alg', { enum: ['HS256', 'ES256'] }).notNull(),
    /** HS256: the name of the worker secret (`SSO_SECRET_…`) that holds the shared secret; never the secret. */
    secretName: text('secret_name'),
    /** ES256: the site's public key as a JWK. */
    publicJwk: text('public_jwk', { mode: 'json' }).$type<JWK>(),
    /** HS256 added in the console: the shared secret, AES-GCM encrypted with a key derived from a server secret. */
    encryptedSecret: text('encrypted_secret'),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    createdAt: createdAt(),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.siteKey, t.kid] })],
);

/** The `jti` of every SSO token already used, until it expires: the primary key makes replays fail. */
export const usedSsoTokens = sqliteTable(
  'used_sso_tokens',
  {
    siteKey: text('site_key').notNull().references(() => sites.key),
    jti: text('jti').notNull(),
    networkId: text('network_id').notNull().references(() => networks.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteKey, t.jti] }), index('used_sso_tokens_expires_idx').on(t.expiresAt)],
);

/** How a user signs in: (`sso:<site>`, host subject) or (`email`, address), unique within a network. */
export const identities = sqliteTable(
  'identities',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull().references(() => users.id),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    /** `iat` of the newest SSO token seen: an older token never overwrites the display name. */
    lastTokenIat: integer('last_token_iat'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('identities_subject_idx').on(t.networkId, t.provider, t.subject), index('identities_user_idx').on(t.userId)],
);

/** A one-time sign-in code sent by e-mail; address and code are kept only as HMACs. */
export const emailCodes = sqliteTable(
  'email_codes',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    siteKey: text('site_key').notNull().references(() => sites.key),
    emailHash: text('email_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when the code signed someone in, or when a newer code replaced it. */
    consumedAt: integer('consumed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('email_codes_address_idx').on(t.networkId, t.emailHash, t.createdAt)],
);

/** A refresh token, stored as its SHA-256; tokens rotate within a family, and reuse revokes the family. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    siteKey: text('site_key').notNull().references(() => sites.key),
    userId: text('user_id').notNull().references(() => users.id),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_idx').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.networkId, t.familyId)],
);

/** An e-mail domain verified as an organisation's: signing in with it makes the user its professional. */
export const organisationDomains = sqliteTable(
  'organisation_domains',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    domain: text('domain').notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.domain] })],
);

/** The audit trail of role grants and revocations in a network. */
export const roleChanges = sqliteTable(
  'role_changes',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id').notNull().references(() => networks.id),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ['professional', 'moderator', 'network-admin'] }).notNull(),
    change: text('change', { enum: ['grant', 'revoke'] }).notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    changedBy: text('changed_by').references(() => users.id),
    reason: text('reason', { enum: ['admin', 'email-domain'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('role_changes_user_idx').on(t.networkId, t.userId)],
);

/**
 * The stored response of a mutation sent with an `Idempotency-Key`, written in the same batch as
 * the mutation. The hourly purge cron drops records older than a day, with expired codes and
 * ended sessions.
 */
export const idempotencyRecords = sqliteTable(
  'idempotency_records',
  {
    networkId: text('network_id').notNull().references(() => networks.id),
    /** Who may replay it: the site and the user (or `anonymous`). */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.scope, t.key] })],
);

/** Outgoing e-mail in development and tests, shown at `/dev/mailbox` instead of being sent. */
export const devMailbox = sqliteTable('dev_mailbox', {
  id: text('id').primaryKey(),
  networkId: text('network_id').notNull().references(() => networks.id),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  createdAt: createdAt(),
});
