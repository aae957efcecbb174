import { sql, type SQL } from 'drizzle-orm';
import { MAX_BOUND_VALUES, boundValues } from './bound-values.js';

/**
 * Up to this many neighbourhoods, a page merges one index range per neighbourhood (`mergedRanges`):
 * D1 counts one row read for every range opened beyond the page itself, so more ranges than this
 * would cost more than the target of ten rows over the page. Above it, and when the ranges
 * together would bind more values than D1 allows (`MAX_BOUND_VALUES`: each range binds its own
 * filters), a list walks a network-wide index and skips what the site doesn't show.
 */
const MAX_MERGED_NEIGHBOURHOODS = 10;

/** D1 allows five terms in one compound select; a group of this many ranges stays inside it. */
const RANGES_PER_GROUP = 4;

/**
 * One statement that reads `ranges` (selects of the same columns, each along one index range in
 * the page's order) as a single ordered merge: `order` (over the result's column names, as a
 * compound select requires, with the page's limit) stops it once the page is full. The ranges are
 * grouped because D1 refuses more than five terms in one compound select; SQLite flattens the
 * groups back into one merge.
 */
function mergedRanges(ranges: SQL[], columns: SQL, order: SQL): SQL {
  const groups: SQL[] = [];
  for (let n = 0; n < ranges.length; n += RANGES_PER_GROUP) {
    groups.push(sql`select ${columns} from (${sql.join(ranges.slice(n, n + RANGES_PER_GROUP), sql` union all `)})`);
  }
  return sql`${sql.join(groups, sql` union all `)} ${order}`;
}

/**
 * `mergedRanges` over one range per neighbourhood (`range`) when that pays and fits: up to
 * `MAX_MERGED_NEIGHBOURHOODS` of them, binding no more values than D1 allows. Undefined
 * otherwise: the caller walks a network-wide index instead.
 */
export function mergedRangesWithin(ids: readonly string[], range: (id: string) => SQL, columns: SQL, order: SQL): SQL | undefined {
  if (ids.length > MAX_MERGED_NEIGHBOURHOODS) return undefined;
  const merged = mergedRanges(ids.map(range), columns, order);
  return boundValues(merged) <= MAX_BOUND_VALUES ? merged : undefined;
}
