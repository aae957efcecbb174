import type {
  InitiativeNeed,
  InitiativePage,
  InitiativeStatus,
  InitiativeSummary,
  InitiativeTheme,
} from '@buurtplein/sdk/contract';
import { and, asc, desc, eq, lt, lte, sql, type SQL } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { initiatives, neighbourhoods } from '../db/schema.js';
import { encodeCursor } from '../http/cursor.js';
import { MAX_SEARCH_OFFSET, encodeSearchCursor, type SearchPosition } from '../http/search-cursor.js';
import type { Database, SiteScope } from './database.js';
import { similarMatch } from './fts-query.js';
import { inSiteWindow, oneOf } from './bound-values.js';
import { mergedRangesWithin } from './merged-ranges.js';

/**
 * The FTS5 index of migration 0003, declared here only so queries can name its columns
 * (drizzle-kit never sees it: it is not in the schema files).
 */
export const initiativesFts = sqliteTable('initiatives_fts', {
  rowid: integer('rowid').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
});

/** bm25 with the title counting most, then the summary, then the body (lower is better). */
const relevance = sql<number>`bm25(${initiativesFts}, 10.0, 5.0, 1.0)`;

/** A search inside a list: the MATCH expression and the snapshot page it continues. */
export interface InitiativeSearch extends SearchPosition {
  /** The sanitised FTS5 expression; null when the text held no word (nothing matches). */
  match: string | null;
}

/** Filters of an initiative list, already checked against the site. */
export interface InitiativeFilter {
  /** Some of the site's neighbourhoods; all of them when absent. */
  neighbourhoodIds?: readonly string[];
  status?: InitiativeStatus;
  theme?: InitiativeTheme;
  /** A need the initiative asks for, or `any` for every initiative asking for help. */
  needs?: InitiativeNeed | 'any';
  /** Newest-first paging: continue after this id (from the cursor). */
  afterId?: string;
  /** Ranked paging by relevance, when the list is a search. */
  search?: InitiativeSearch;
  limit: number;
}

export type InitiativeRow = typeof initiatives.$inferSelect;

/** Turns an initiative row into its list shape. */
export function toInitiativeSummary(row: InitiativeRow, neighbourhoodName: string): InitiativeSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    neighbourhood: { id: row.neighbourhoodId, name: neighbourhoodName },
    themes: row.themes,
    needs: row.needs,
    supporterCount: row.supporterCount,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The condition that keeps a query inside the site's window: its network and its neighbourhoods,
 * and only what moderation lets show (not hidden, not waiting for pre-moderation).
 */
export function initiativeInScope(scope: SiteScope, options: { newestFirstInNetwork?: boolean; byKey?: boolean } = {}): SQL {
  // The unary `+` keeps SQLite from choosing the neighbourhood index, so that a walk of the
  // (network, id) index gives the newest-first order without sorting (see `pageIds`), and so
  // that one initiative `byKey` is one index lookup instead of a probe (a row D1 counts) per
  // shown neighbourhood.
  const inWindow = inSiteWindow(options.newestFirstInNetwork || options.byKey ? sql`+${initiatives.neighbourhoodId}` : initiatives.neighbourhoodId, scope);
  return and(eq(initiatives.networkId, scope.networkId), inWindow, eq(initiatives.visibility, 'visible'))!;
}

/** Whether a JSON array column holds `value`. */
function jsonHas(column: typeof initiatives.themes | typeof initiatives.needs, value: string): SQL {
  return sql`exists (select 1 from json_each(${column}) where value = ${value})`;
}

function filterConditions(scope: SiteScope, filter: InitiativeFilter): SQL {
  return and(
    initiativeInScope(scope),
    filter.neighbourhoodIds ? oneOf(initiatives.neighbourhoodId, filter.neighbourhoodIds) : undefined,
    attributeConditions(filter),
  )!;
}

/**
 * Whether an initiative asks for any help, written exactly as the partial indexes of those
 * initiatives (`initiatives_help_idx`, `initiatives_help_status_idx`) are: a literal, not a bound
 * value, so SQLite can walk them. An empty needs list is always stored as `[]`: the API and the
 * seed write needs through drizzle's JSON mode, the bench's SQL writes `'[]'`.
 */
export const ASKS_FOR_HELP = sql`${initiatives.needs} <> '[]'`;

/** The filters on an initiative's own attributes: status, theme, needs. */
function attributeConditions(filter: InitiativeFilter): SQL | undefined {
  return and(
    filter.status ? eq(initiatives.status, filter.status) : undefined,
    filter.theme ? jsonHas(initiatives.themes, filter.theme) : undefined,
    // One need implies some need: its initiatives are in the same index.
    filter.needs ? ASKS_FOR_HELP : undefined,
    filter.needs && filter.needs !== 'any' ? jsonHas(initiatives.needs, filter.needs) : undefined,
  );
}

const summaryColumns = { initiative: initiatives, neighbourhoodName: neighbourhoods.name };

/** An initiative's columns a list shows, as D1 returns them from `newestPage`'s statement. */
interface StoredSummary {
  id: string;
  title: string;
  summary: string;
  status: InitiativeStatus;
  neighbourhood_id: string;
  themes: string;
  needs: string;
  supporter_count: number;
  member_count: number;
  created_at: number;
  updated_at: number;
}

const storedSummaryColumns = sql.raw(
  'id, title, summary, status, neighbourhood_id, themes, needs, supporter_count, member_count, created_at, updated_at',
);

/**
 * The statement of one newest-first page, reading about one row per initiative it returns
 * however many initiatives the network has. D1 counts every index entry a statement steps
 * through, and every entry an `IN (subquery)` or a join probes, but not the table row an index
 * entry leads to; so the rows are read straight from the index walk, never looked up again by id,
 * and the neighbourhood's name comes from the site instead of a join.
 *
 * For a few neighbourhoods (the site's, or those the filter names) each gets its own newest-first
 * range of its visible initiatives (the (network, neighbourhood, visibility[, status], id)
 * indexes, so no hidden entry is stepped over), and the compound ORDER BY merges the ranges as
 * they are read, stopping at `limit + 1` rows: the page plus one row read per further range
 * (`mergedRanges`). For many neighbourhoods, or when the ranges would bind more values than D1
 * allows in one statement, it walks the (network, id) index newest first and skips rows of
 * neighbourhoods the site doesn't show.
 */
function newestPage(scope: SiteScope, filter: InitiativeFilter): SQL {
  const after = filter.afterId ? lt(initiatives.id, filter.afterId) : undefined;
  const ids = filter.neighbourhoodIds ?? scope.neighbourhoodIds;
  // A compound select orders by its result's column names only.
  const limit = sql`order by id desc limit ${filter.limit + 1}`;
  // Each range is one neighbourhood's: the filter's list of neighbourhoods is already applied.
  const merged = mergedRangesWithin(
    ids,
    (id) => sql`select ${storedSummaryColumns} from ${initiatives} where ${and(filterConditions({ networkId: scope.networkId, neighbourhoodIds: [id] }, { ...filter, neighbourhoodIds: undefined }), after)}`,
    sql.raw('*'),
    limit,
  );
  if (merged) return merged;
  // The neighbourhoods a filter names are a list, whatever the site shows.
  const inWindow = initiativeInScope(filter.neighbourhoodIds ? { networkId: scope.networkId, neighbourhoodIds: ids } : scope, { newestFirstInNetwork: true });
  return sql`select ${storedSummaryColumns} from ${initiatives} where ${and(inWindow, attributeConditions(filter), after)} ${limit}`;
}

/** A stored row of `newestPage` in its list shape. */
function storedToSummary(row: StoredSummary, neighbourhoodName: string): InitiativeSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    neighbourhood: { id: row.neighbourhood_id, name: neighbourhoodName },
    themes: JSON.parse(row.themes) as InitiativeTheme[],
    needs: JSON.parse(row.needs) as InitiativeNeed[],
    supporterCount: row.supporter_count,
    memberCount: row.member_count,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A site's scope with the names of the neighbourhoods it shows (the list names them from here). */
export interface NamedSiteScope extends SiteScope {
  neighbourhoods: readonly { id: string; name: string }[];
}

/**
 * One page of the initiatives a site shows. Without a search: newest first, the cursor is the
 * last id (stable under inserts). With a search: ranked by bm25, ties newest first, over the
 * initiatives that existed at the first page, so later inserts never shift a page.
 */
export async function listInitiatives(db: Database, scope: NamedSiteScope, filter: InitiativeFilter): Promise<InitiativePage> {
  if (scope.neighbourhoodIds.length === 0) return { data: [], nextCursor: null };
  const { search } = filter;
  if (search) {
    if (search.match === null) return { data: [], nextCursor: null };
    const more = search.offset + filter.limit <= MAX_SEARCH_OFFSET;
    const rows = await db
      .select(summaryColumns)
      .from(initiativesFts)
      // CROSS JOIN keeps the text index as the outer loop: driven from the initiatives' index
      // instead, SQLite runs the MATCH once per initiative of the window (minutes at 100k).
      .crossJoin(initiatives)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
      .where(
        and(
          sql`${initiativesFts} match ${search.match}`,
          sql`${initiatives}.rowid = ${initiativesFts.rowid}`,
          filterConditions(scope, filter),
          lte(initiatives.id, search.upToId),
        ),
      )
      .orderBy(relevance, desc(initiatives.id))
      .limit(filter.limit + 1)
      .offset(search.offset);
    return {
      data: rows.slice(0, filter.limit).map((r) => toInitiativeSummary(r.initiative, r.neighbourhoodName)),
      nextCursor: rows.length > filter.limit && more ? encodeSearchCursor({ offset: search.offset + filter.limit, upToId: search.upToId }) : null,
    };
  }
  const rows = await db.all<StoredSummary>(newestPage(scope, filter));
  const names = new Map(scope.neighbourhoods.map((n) => [n.id, n.name]));
  const pageRows = rows.slice(0, filter.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => storedToSummary(r, names.get(r.neighbourhood_id) ?? '')),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}

/** What "similar" compares: the initiative's words, place and themes. */
export interface SimilarTo {
  id: string | null;
  title: string;
  summary: string;
  neighbourhoodId: string;
  themes: readonly InitiativeTheme[];
}

/** How many of the best text matches "similar" boosts by place and themes. */
const SIMILAR_CANDIDATES = 100;

/** How many similar initiatives a page shows. */
export const SIMILAR_SHOWN = 5;

/**
 * How many similar ids an initiative keeps (see `similarIdsOf`): a few more than a page shows,
 * so that a site showing fewer neighbourhoods, or a match hidden by moderation since, still leaves
 * enough; few enough that reading them stays a handful of key lookups.
 */
export const SIMILAR_KEPT = 8;

/**
 * The ids of up to `limit` other initiatives within `inWindow` that resemble `to`: any of the
 * telling words of its title and summary (FTS5, OR), ranked by bm25 and boosted by half for the
 * same neighbourhood and by a quarter for each shared theme, among the best
 * `SIMILAR_CANDIDATES` text matches. Null when `to` has no telling words. The index holds every
 * network, so `inWindow` must scope the network.
 */
function similarRanking(db: Pick<Database, 'select'>, inWindow: SQL, to: SimilarTo, limit: number) {
  const match = similarMatch(`${to.title} ${to.summary}`);
  if (match === null) return null;
  const boost = sql`(1.0 + 0.5 * (${initiatives.neighbourhoodId} = ${to.neighbourhoodId})
    + 0.25 * (select count(*) from json_each(${initiatives.themes}) where value in (select value from json_each(${JSON.stringify(to.themes)}))))`;
  // The best text matches inside the window first (the text index as the outer loop: see the
  // search in `listInitiatives`), then the boosts over those candidates only: boosting every
  // match cost a neighbourhood and two JSON scans per match.
  const ranked = db
    .select({ rowid: initiativesFts.rowid, score: sql<number>`${relevance}`.as('score') })
    .from(initiativesFts)
    .crossJoin(initiatives)
    .where(
      and(sql`${initiativesFts} match ${match}`, sql`${initiatives}.rowid = ${initiativesFts.rowid}`, inWindow, to.id ? sql`${initiatives.id} <> ${to.id}` : undefined),
    )
    .orderBy(relevance)
    .limit(SIMILAR_CANDIDATES)
    .as('ranked');
  const weight = sql<number>`${ranked.score} * ${boost}`;
  return db
    .select({ id: initiatives.id, weight: weight.as('weight') })
    .from(ranked)
    .crossJoin(initiatives)
    .where(sql`${initiatives}.rowid = ${ranked.rowid}`)
    .orderBy(weight, asc(initiatives.id))
    .limit(limit);
}

/**
 * The value that stores `to`'s similar initiatives in its `similar_ids` (as a JSON array, best
 * first), for the statement that writes `to`: the `SIMILAR_KEPT` best among the visible
 * initiatives of its whole network, since sites differ in the neighbourhoods they show. Reading
 * them back checks scope and moderation again (see the detail's statement).
 */
export function similarIdsOf(db: Pick<Database, 'select'>, networkId: string, to: SimilarTo): SQL<string[]> {
  const ranking = similarRanking(db, and(eq(initiatives.networkId, networkId), eq(initiatives.visibility, 'visible'))!, to, SIMILAR_KEPT);
  return ranking === null ? sql`'[]'` : sql`(select json_group_array(id) from (${ranking}))`;
}

/**
 * Up to `limit` other initiatives the site shows that resemble `to`, searched now; for an
 * initiative not written yet, or one whose similar ids were never computed.
 */
export async function listSimilarInitiatives(db: Database, scope: SiteScope, to: SimilarTo, limit = SIMILAR_SHOWN): Promise<InitiativeSummary[]> {
  const ranking = scope.neighbourhoodIds.length === 0 ? null : similarRanking(db, initiativeInScope(scope), to, limit)?.as('similar');
  if (!ranking) return [];
  const rows = await db
    .select(summaryColumns)
    .from(ranking)
    .innerJoin(initiatives, eq(initiatives.id, ranking.id))
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
    .orderBy(sql`${ranking.weight}`, asc(initiatives.id));
  return rows.map((r) => toInitiativeSummary(r.initiative, r.neighbourhoodName));
}

/** The bare initiative row the site shows, with its neighbourhood's name; null when it does not show it. */
export async function findInitiative(
  db: Database,
  scope: SiteScope,
  id: string,
): Promise<{ initiative: InitiativeRow; neighbourhoodName: string } | null> {
  if (scope.neighbourhoodIds.length === 0) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(initiatives)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, initiatives.neighbourhoodId))
    .where(and(eq(initiatives.id, id), initiativeInScope(scope, { byKey: true })))
    .limit(1);
  return row ?? null;
}
