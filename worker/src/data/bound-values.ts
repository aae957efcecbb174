import { inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SiteScope } from './database.js';

/** D1 refuses a statement that binds more values than this ("too many SQL variables"). */
export const MAX_BOUND_VALUES = 100;

/**
 * Up to this many ids, `oneOf` binds each id: SQLite can then walk an index once per id. A statement
 * may hold the site's neighbourhoods up to three times (an initiative's page does), and that stays
 * well inside `MAX_BOUND_VALUES`.
 */
export const MAX_BOUND_IDS = 16;

/**
 * `column in (ids)`, within D1's limit on bound values however many ids there are: a longer list
 * (a city's site shows hundreds of neighbourhoods) is bound as one JSON array that SQLite reads
 * once per statement, which D1 counts as one row read per id.
 */
export function oneOf(column: SQLWrapper, ids: readonly string[]): SQL {
  return ids.length <= MAX_BOUND_IDS ? inArray(column, [...ids]) : sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * `column` names one of the neighbourhoods the site shows. Every read is scoped to its network as
 * well, so a site that shows its whole network needs no list when the list would be long: that
 * saves D1 a row read per neighbourhood in every statement. A short list stays: SQLite walks the
 * indexes once per id, as the D1 cost tests expect.
 */
export function inSiteWindow(column: SQLWrapper, scope: SiteScope): SQL {
  return scope.showsWholeNetwork && scope.neighbourhoodIds.length > MAX_BOUND_IDS ? sql`${column} is not null` : oneOf(column, scope.neighbourhoodIds);
}

const dialect = new SQLiteSyncDialect();

/** How many values `statement` binds. */
export function boundValues(statement: SQL): number {
  return dialect.sqlToQuery(statement).params.length;
}
