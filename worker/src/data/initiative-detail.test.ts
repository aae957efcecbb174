import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoInitiativeId, demoId } from '../db/seed.js';
import { database } from './database.js';
import { createInitiative, getInitiativeDetail, updateInitiative } from './initiative-detail.js';
import { listSimilarInitiatives } from './initiatives.js';
import { findSite, type SiteRecord } from './sites.js';

const tuinId = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const fatima = demoId('voorbeeldstad', 'user', 'fatima');

/** Reads a detail on a data layer that records its statements, then asks D1 what each cost. */
async function cost(site: SiteRecord, id: string, viewerId: string | null) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const db = database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) });
  const detail = (await getInitiativeDetail(db, site, id, viewerId))!;
  let rowsRead = 0;
  const plans: string[] = [];
  for (const { sql, params } of statements) {
    rowsRead += (await env.DB.prepare(sql).bind(...params).all()).meta.rows_read;
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    plans.push(...plan.results.map((r) => r.detail));
  }
  // Every row the page carries: the initiative and each entry of its lists.
  const returned =
    1 + detail.members.length + detail.statusHistory.length + detail.updates.length + detail.offers.length + detail.upcomingEvents.length + detail.similar.length;
  return { detail, statements: statements.length, rowsRead, returned, plans };
}

let site: SiteRecord;
beforeAll(async () => {
  site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
});

describe('D1 work of an initiative’s page', () => {
  it('reads the whole page, similar initiatives included, in one statement through indexes', async () => {
    const { detail, statements, rowsRead, returned, plans } = await cost(site, tuinId, fatima);
    expect(detail.members.length).toBeGreaterThan(0);
    expect(detail.similar.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
    // Each entry carries the names it shows: no user, organisation or profile read per entry.
    expect(rowsRead).toBeLessThanOrEqual(returned + 10);
    expect(plans.filter((d) => /^SCAN (?!CONSTANT ROW)/.test(d) && !/VIRTUAL TABLE|SUBQUERY|\(subquery/.test(d))).toEqual([]);
  });

  it('reads no more than it returns plus ten for a young initiative: the owner is named once, not per member entry and status change', async () => {
    const db = database(env.DB);
    const me = { id: fatima, displayName: 'Fatima', organisation: null };
    const write = createInitiative(
      db,
      {
        networkId: site.networkId,
        neighbourhood: site.neighbourhoods[0]!,
        owner: me,
        title: 'Moestuin op het dak',
        summary: 'Groente kweken met buren: een moestuin, zonnepanelen en bankjes.',
        body: 'Wie doet mee?',
        themes: ['green'],
        needs: [],
      },
      [],
    );
    await db.batch(write.statements);
    const { detail, statements, rowsRead, returned } = await cost(site, write.result.id, null);
    expect(detail.similar.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
    expect(detail.owner.displayName).toMatch(/^Fatima/);
    expect(detail.members.map((m) => m.user.displayName)).toEqual([detail.owner.displayName]);
    expect(detail.statusHistory.map((h) => h.changedBy.displayName)).toEqual([detail.owner.displayName]);
    expect(rowsRead).toBeLessThanOrEqual(returned + 10);
    // Each further status change by the owner costs its own row only, not a user lookup too.
    const changes = ['gathering', 'planning', 'active'].map((to, n) =>
      env.DB.prepare('insert into initiative_status_changes (id, network_id, initiative_id, from_status, to_status, changed_by, created_at) values (?, ?, ?, ?, ?, ?, ?)').bind(
        `${write.result.id}h${n}`,
        site.networkId,
        write.result.id,
        'idea',
        to,
        fatima,
        Date.now(),
      ),
    );
    await env.DB.batch(changes);
    const longer = await cost(site, write.result.id, null);
    expect(longer.detail.statusHistory).toHaveLength(4);
    expect(longer.rowsRead - rowsRead).toBe(changes.length);
    // Similar initiatives cost one key lookup each, however many initiatives the network has.
    await env.DB.prepare(`update initiatives set similar_ids = '[]' where id = ?`).bind(write.result.id).run();
    const without = await cost(site, write.result.id, null);
    expect(without.detail.similar).toEqual([]);
    expect(rowsRead - without.rowsRead).toBeLessThanOrEqual(detail.similar.length);
    // Out of the way of the searches below, which would find it while older pages do not list it yet.
    await env.DB.prepare(`update initiatives set visibility = 'hidden' where id = ?`).bind(write.result.id).run();
  });
});

describe('similar initiatives on an initiative’s page', () => {
  it('are the ones a search of the site finds, best first', async () => {
    const { detail } = await cost(site, tuinId, null);
    const searched = await listSimilarInitiatives(database(env.DB), site, { ...detail, neighbourhoodId: detail.neighbourhood.id });
    expect(detail.similar.map((s) => s.id)).toEqual(searched.map((s) => s.id));
    expect(detail.similar[0]).toEqual(searched[0]);
  });

  it('leave out one a moderator hid after they were computed, and never show another network’s initiative', async () => {
    const db = database(env.DB);
    const before = (await cost(site, tuinId, null)).detail.similar;
    const hidden = before[0]!;
    const elsewhere = demoInitiativeId('andersdorp', 'dorpsfeest');
    const [stored] = await env.DB.prepare('select similar_ids from initiatives where id = ?').bind(tuinId).raw<[string]>();
    const ids = JSON.parse(stored![0]) as string[];
    expect(await env.DB.prepare('select 1 from initiatives where id = ? and network_id <> ?').bind(elsewhere, site.networkId).first()).not.toBeNull();
    await env.DB.batch([
      env.DB.prepare('update initiatives set similar_ids = ? where id = ?').bind(JSON.stringify([elsewhere, ...ids]), tuinId),
      env.DB.prepare(`update initiatives set visibility = 'hidden' where id = ?`).bind(hidden.id),
    ]);
    try {
      const after = (await getInitiativeDetail(db, site, tuinId, null))!.similar.map((s) => s.id);
      expect(after).not.toContain(hidden.id);
      expect(after).not.toContain(elsewhere);
      expect(after).toEqual(before.slice(1).map((s) => s.id));
    } finally {
      await env.DB.batch([
        env.DB.prepare('update initiatives set similar_ids = ? where id = ?').bind(stored![0], tuinId),
        env.DB.prepare(`update initiatives set visibility = 'visible' where id = ?`).bind(hidden.id),
      ]);
    }
  });

  it('are searched again when an organiser changes what they compare', async () => {
    const db = database(env.DB);
    const current = (await getInitiativeDetail(db, site, tuinId, fatima))!;
    const title = 'Geveltuinen en tegels eruit in de Tulpstraat';
    const write = updateInitiative(db, site.networkId, current, { title, summary: 'Groene geveltuinen van voordeur tot voordeur.' }, { id: fatima, displayName: 'Fatima' });
    await db.batch(write.statements);
    const after = (await getInitiativeDetail(db, site, tuinId, null))!;
    expect(after.similar[0]?.id).toBe(demoInitiativeId('voorbeeldstad', 'geveltuinen-tulpstraat'));
    expect(after.similar.map((s) => s.id)).not.toEqual(current.similar.map((s) => s.id));
  });
});
