import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from './database.js';
import { listInitiatives } from './initiatives.js';
import { findSite } from './sites.js';

/** Runs `list` on a data layer that records its statements, then asks D1 what they cost. */
async function cost(run: (db: ReturnType<typeof database>) => Promise<{ data: unknown[] }>) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const db = database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) });
  const page = await run(db);
  let rowsRead = 0;
  const plans: string[] = [];
  for (const { sql, params } of statements) {
    const result = await env.DB.prepare(sql).bind(...params).all();
    rowsRead += result.meta.rows_read;
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    plans.push(...plan.results.map((r) => r.detail));
  }
  return { returned: page.data.length, statements: statements.length, rowsRead, plans };
}

describe('D1 work of the initiative list', () => {
  it('reads each neighbourhood’s newest page from the index instead of sorting the whole window', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const limit = 5;
    const { returned, statements, rowsRead, plans } = await cost((db) => listInitiatives(db, site, { limit }));
    expect(returned).toBe(limit);
    expect(statements).toBe(1);
    expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_neighbourhood_idx/);
    expect(plans.join('\n')).not.toMatch(/SCAN initiatives\b(?! USING)/);
    // Per neighbourhood at most limit + 1 index entries, then the page's rows and their neighbourhoods.
    expect(rowsRead).toBeLessThanOrEqual(site.neighbourhoodIds.length * (limit + 1) + 2 * (limit + 1) + 10);
  });

  it('reads one index range for one neighbourhood and status', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const { returned, rowsRead, plans } = await cost((db) =>
      listInitiatives(db, site, { limit: 20, neighbourhoodId: site.neighbourhoodIds[1], status: 'active' }),
    );
    expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_status_idx/);
    expect(rowsRead).toBeLessThanOrEqual(3 * returned + 10);
  });

  it('walks the network’s newest initiatives for a site with many neighbourhoods, without sorting', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    // A window of twelve neighbourhoods: the demo's three and nine the network might add.
    const many = { ...site, neighbourhoodIds: [...site.neighbourhoodIds, ...Array.from({ length: 9 }, (_, n) => `${'0'.repeat(15)}${n}`)] };
    const limit = 5;
    const { returned, statements, rowsRead, plans } = await cost((db) => listInitiatives(db, many, { limit }));
    expect(returned).toBe(limit);
    expect(statements).toBe(1);
    expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_network_idx/);
    expect(plans.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(rowsRead).toBeLessThanOrEqual(2 * (limit + 1) + 10);
  });
});
