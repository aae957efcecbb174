import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { demoId, demoInitiativeId } from '../db/seed.js';
import { database } from './database.js';
import { listEvents } from './events.js';
import { siteFigures } from './figures.js';
import { getInitiativeDetail } from './initiative-detail.js';
import { listInitiatives, type InitiativeFilter } from './initiatives.js';
import { listMembers } from './members.js';
import { listOffers } from './offers.js';
import { initiativeFilter } from '../routes/initiative-filter.js';
import { findSite, type SiteRecord } from './sites.js';

/** Runs `list` on a data layer that records its statements, then asks D1 what they cost. */
async function cost<Page extends { data: unknown[] }>(run: (db: ReturnType<typeof database>) => Promise<Page>) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const db = database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) });
  const page = await run(db);
  let rowsRead = 0;
  let rowsReturned = 0;
  const plans: string[] = [];
  for (const { sql, params } of statements) {
    const result = await env.DB.prepare(sql).bind(...params).all();
    rowsRead += result.meta.rows_read;
    rowsReturned += result.results.length;
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    plans.push(...plan.results.map((r) => r.detail));
  }
  return { page, returned: page.data.length, rowsReturned, statements: statements.length, rowsRead, plans };
}

/**
 * Lists `site`'s newest five and checks that one statement walked the network's (network, id)
 * index without sorting, reading at most `extraRows` beyond the page and its probe row.
 */
async function expectNetworkWalk(site: SiteRecord, extraRows: number) {
  const limit = 5;
  const { returned, statements, rowsRead, plans } = await cost((db) => listInitiatives(db, site, { limit }));
  expect(returned).toBe(limit);
  expect(statements).toBe(1);
  expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_network_idx/);
  expect(plans.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  expect(rowsRead).toBeLessThanOrEqual(limit + 1 + extraRows);
}

describe('D1 work of the initiative list', () => {
  it('reads each neighbourhood’s newest page from the index instead of sorting the whole window', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const limit = 5;
    const { returned, statements, rowsRead, plans } = await cost((db) => listInitiatives(db, site, { limit }));
    expect(returned).toBe(limit);
    expect(statements).toBe(1);
    expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_visible_idx/);
    expect(plans.join('\n')).not.toMatch(/SCAN initiatives\b(?! USING)/);
    // The page and its probe row, plus one row per further neighbourhood's range.
    expect(rowsRead).toBeLessThanOrEqual(limit + 1 + site.neighbourhoodIds.length);
  });

  it('reads one index range for one neighbourhood and status', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const { returned, rowsRead, plans } = await cost((db) =>
      listInitiatives(db, site, { limit: 20, neighbourhoodIds: [site.neighbourhoodIds[1]!], status: 'active' }),
    );
    expect(plans.join('\n')).toMatch(/USING (COVERING )?INDEX initiatives_visible_status_idx/);
    expect(rowsRead).toBeLessThanOrEqual(3 * returned + 10);
  });

  it('walks the network’s newest initiatives for a site with many neighbourhoods, without sorting', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    // A window of twelve neighbourhoods: the demo's three and nine the network might add.
    const many = { ...site, showsWholeNetwork: false, neighbourhoodIds: [...site.neighbourhoodIds, ...Array.from({ length: 9 }, (_, n) => `${'0'.repeat(15)}${n}`)] };
    // Stepping over up to a page of rows the site doesn't show.
    await expectNetworkWalk(many, 5 + 1 + 10);
  });
});

describe('D1 work of a city’s site', () => {
  /** The demo site as if it showed two hundred neighbourhoods (the settings' maximum), all of its network's or not. */
  async function city(showsWholeNetwork: boolean): Promise<SiteRecord> {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    return { ...site, showsWholeNetwork, neighbourhoodIds: [...site.neighbourhoodIds, ...Array.from({ length: 197 }, (_, n) => `stadsbuurt${String(n).padStart(6, '0')}`)] };
  }

  for (const [shows, bound, reads] of [
    ['some of its network’s', 'the ids as one JSON array, read once (a row per id)', 200],
    ['all of its network’s', 'no list at all: the network scopes it', 0],
  ] as const) {
    it(`lists a page when it shows ${shows} neighbourhoods, binding ${bound}`, async () => {
      await expectNetworkWalk(await city(reads === 0), reads + 10);
    });
  }
});

describe('D1 work of the list and bootstrap in a large network', () => {
  const hoodCount = 7;
  const perHood = 400;

  /**
   * The demo site showing six of seven neighbourhoods of thousands of initiatives, one in eleven of them hidden, one
   * neighbourhood's newest all hidden (a wave of spam), and only one in forty asking for help.
   */
  async function largeSite(): Promise<SiteRecord> {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const hoods = Array.from({ length: hoodCount }, (_, n) => ({ id: `largehood0000000${n}`, name: `Wijk ${n}` }));
    const exists = await env.DB.prepare('select 1 from neighbourhoods where id = ?').bind(hoods[0]!.id).first();
    if (!exists) {
      const owner = (await env.DB.prepare('select owner_id from initiatives where network_id = ? limit 1').bind(site.networkId).first<{ owner_id: string }>())!.owner_id;
      await env.DB.batch(hoods.map((h) => env.DB.prepare('insert into neighbourhoods (id, network_id, name) values (?, ?, ?)').bind(h.id, site.networkId, h.name)));
      // Ids above the demo's, so the newest page is all generated rows; hoods take turns, so every range is needed.
      await env.DB.prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i < ?)
         insert into initiatives (id, network_id, neighbourhood_id, owner_id, title, summary, body, status, visibility, needs)
         select printf('zz%08d', i), ?, 'largehood0000000' || (i % ${hoodCount}), ?, 'Plan ' || i, 'Samenvatting', 'Tekst',
           case i % 3 when 0 then 'active' else 'idea' end, case when i % 11 = 3 or (i % ${hoodCount} = 3 and i >= ${hoodCount * perHood - 300}) then 'hidden' else 'visible' end,
           case when i % 40 = 5 then '["volunteers"]' else '[]' end from n`,
      )
        .bind(hoodCount * perHood - 1, site.networkId, owner)
        .run();
    }
    // Six of the seven shown: the seventh's initiatives must not appear.
    const shown = hoods.slice(0, 6).map((h) => ({ ...h, networkId: site.networkId, cbsCode: null, postcodes: [] }));
    return { ...site, neighbourhoods: shown, neighbourhoodIds: shown.map((h) => h.id), showsWholeNetwork: false };
  }

  /** What the page must hold: the newest visible initiatives of the listed (else the shown) neighbourhoods, read plainly. */
  async function expectedIds(site: SiteRecord, filter: InitiativeFilter, beforeId: string) {
    const hoods = filter.neighbourhoodIds ?? site.neighbourhoodIds;
    const marks = hoods.map(() => '?').join(', ');
    const status = filter.status ?? null;
    const { results } = await env.DB.prepare(
      `select id from initiatives where network_id = ? and neighbourhood_id in (${marks}) and visibility = 'visible'
         and (? is null or status = ?) and (? is null or exists (select 1 from json_each(needs) where ? in ('any', value)))
         and id < ? order by id desc limit ?`,
    )
      .bind(site.networkId, ...hoods, status, status, filter.needs ?? null, filter.needs ?? null, beforeId, filter.limit)
      .all<{ id: string }>();
    return results.map((r) => r.id);
  }

  for (const [view, query] of [
    ['bootstrap', {}],
    ['list', { limit: '20' }],
    ['list of active ones', { limit: '20', status: 'active' }],
    ['list of two neighbourhoods', { limit: '20', neighbourhood: 'largehood00000001,largehood00000004' }],
    ['list of the initiatives asking for help', { limit: '20', needs: 'any' }],
    ['list of two neighbourhoods’ initiatives asking for help', { limit: '5', neighbourhood: 'largehood00000001,largehood00000004', needs: 'any' }],
    ['list of the initiatives asking for volunteers', { limit: '20', needs: 'volunteers' }],
    ['list of the active initiatives asking for help', { limit: '5', status: 'active', needs: 'any' }],
  ] as const) {
    it(`${view}: one statement reading at most ten rows more than it returns, on the right page`, async () => {
      const site = await largeSite();
      const filter = initiativeFilter(site, query);
      const first = await cost((db) => listInitiatives(db, site, filter));
      expect(first.statements).toBe(1);
      expect(first.rowsRead).toBeLessThanOrEqual(first.rowsReturned + 10);
      expect(first.page.data.map((i) => i.id)).toEqual(await expectedIds(site, filter, '~'));
      expect(first.page.data).toHaveLength(filter.limit);
      expect(first.page.data.every((i) => i.neighbourhood.name === `Wijk ${i.neighbourhood.id.slice(-1)}`)).toBe(true);
      // Asking for help, the ranges come from the partial index of those initiatives only (and of the status asked for).
      if (filter.needs) expect(first.plans.join('\n')).toMatch(filter.status ? /USING (COVERING )?INDEX initiatives_help_status_idx/ : /USING (COVERING )?INDEX initiatives_help_idx/);
      // The next page continues after the cursor at the same cost.
      const afterId = first.page.data.at(-1)!.id;
      expect(first.page.nextCursor).not.toBeNull();
      const second = await cost((db) => listInitiatives(db, site, { ...filter, afterId }));
      expect(second.rowsRead).toBeLessThanOrEqual(second.rowsReturned + 10);
      expect(second.page.data.map((i) => i.id)).toEqual(await expectedIds(site, filter, afterId));
    });
  }
});

describe('D1 work of an initiative’s page', () => {
  /** Rows a result carries, as the bench counts them: its own, plus those nested in its JSON arrays. */
  function rowsCarried(rows: readonly Record<string, unknown>[]): number {
    let count = rows.length;
    for (const value of rows.flatMap((row) => Object.values(row))) {
      if (typeof value === 'string' && value.startsWith('[{')) count += (JSON.parse(value) as unknown[]).length;
    }
    return count;
  }

  for (const [viewer, viewerId] of [
    ['a visitor', null],
    ['its owner', demoId('voorbeeldstad', 'user', 'fatima')],
  ] as const) {
    it(`shows the demo garden, with its members, history, updates and offers, to ${viewer} in one statement reading at most ten rows more than it returns`, async () => {
      const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
      const statements: { sql: string; params: unknown[] }[] = [];
      const db = database(env.DB, { logQuery: (sql, params) => statements.push({ sql, params }) });
      const detail = (await getInitiativeDetail(db, site, demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat'), viewerId))!;
      expect(detail.members.length).toBeGreaterThan(2);
      expect(detail.statusHistory.length).toBeGreaterThan(1);
      expect(detail.updates.length).toBeGreaterThan(0);
      expect(detail.offers.length).toBeGreaterThan(0);
      expect(statements).toHaveLength(1);
      let rowsRead = 0;
      let rowsReturned = 0;
      for (const { sql, params } of statements) {
        const result = await env.DB.prepare(sql).bind(...params).all<Record<string, unknown>>();
        rowsRead += result.meta.rows_read;
        rowsReturned += rowsCarried(result.results);
      }
      expect(rowsReturned).toBe(
        1 + detail.members.length + detail.statusHistory.length + detail.updates.length + detail.offers.length + detail.upcomingEvents.length + detail.similar.length,
      );
      expect(rowsRead).toBeLessThanOrEqual(rowsReturned + 10);
    });
  }
});

describe('D1 work of an initiative’s members and offers', () => {
  it('lists the busiest demo initiative’s fifteen members with their names in one statement reading at most ten rows more than it returns', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const barbecue = demoInitiativeId('voorbeeldstad', 'buurtbarbecue-havenplein');
    const { page, returned, statements, rowsRead } = await cost((db) => listMembers(db, site.networkId, barbecue, { limit: 20 }));
    expect(returned).toBe(15);
    expect(page.data.every((m) => m.user.displayName !== '')).toBe(true);
    expect(statements).toBe(1);
    // The rows carry the names: no user or organisation read per member, nor the network's other memberships.
    expect(rowsRead).toBeLessThanOrEqual(returned + 10);
  });

  it('lists a dozen offers with their professionals and organisations in one statement reading at most ten rows more than it returns', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const playground = demoInitiativeId('voorbeeldstad', 'speeltuin-akkerplein');
    // Every professional of the network offers four more times: a page the demo's two offers cannot show.
    await env.DB.prepare(
      `with recursive n(i) as (select 0 union all select i + 1 from n where i < 3)
       insert or ignore into help_offers (id, network_id, initiative_id, professional_id, organisation_id, kind, message, created_at)
       select printf('zzoffer%s%d', u.id, n.i), u.network_id, ?, u.id, u.organisation_id, 'referral', 'Ik breng u in contact.', 0
       from users u, n where u.network_id = ? and u.is_professional and u.organisation_id is not null`,
    )
      .bind(playground, site.networkId)
      .run();
    const { page, returned, statements, rowsRead } = await cost((db) => listOffers(db, site, playground, { limit: 20 }));
    expect(returned).toBeGreaterThanOrEqual(12);
    expect(page.data.every((o) => o.professional.displayName !== '' && o.professional.jobTitle !== null && o.organisation.name !== '')).toBe(true);
    expect(statements).toBe(1);
    // The rows carry the names, and the initiative is checked against the site once, by its key.
    expect(rowsRead).toBeLessThanOrEqual(returned + 10);
  });
});

describe('D1 work of the site’s figures', () => {
  /** The statements `run` prepares, batches included (drizzle's logger does not see a batch's). */
  async function preparedBy(run: (db: ReturnType<typeof database>) => Promise<unknown>) {
    const statements: { sql: string; params: unknown[] }[] = [];
    const d1 = new Proxy(env.DB, {
      get(target, key) {
        if (key !== 'prepare') return Reflect.get(target, key, target);
        return (sql: string) => {
          const entry = { sql, params: [] as unknown[] };
          statements.push(entry);
          const statement = target.prepare(sql);
          statement.bind = new Proxy(statement.bind, {
            apply(bind, self, params: unknown[]) {
              entry.params = params;
              return Reflect.apply(bind, self, params);
            },
          });
          return statement;
        };
      },
    });
    await run(database(d1));
    return statements;
  }

  it('counts the initiatives asking for help from their own index, and finds each one’s first offer among its own offers', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    let figures: Awaited<ReturnType<typeof siteFigures>> = [];
    const statements = await preparedBy(async (db) => (figures = await siteFigures(db, site)));
    const plans: string[] = [];
    for (const { sql, params } of statements) {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
      plans.push(...plan.results.map((r) => r.detail));
    }
    // Either partial index of those asking for help holds exactly them: counting reads no other.
    expect(plans.join('\n')).toMatch(/SEARCH initiatives USING INDEX initiatives_help(_status)?_idx/);
    expect(plans.join('\n')).toMatch(/SEARCH o USING INDEX offers_initiative_idx/);
    // The same count as reading every needs list: an empty one is always stored as '[]'.
    const marks = site.neighbourhoodIds.map(() => '?').join(', ');
    const plain = await env.DB.prepare(
      `select count(*) as n from initiatives where network_id = ? and neighbourhood_id in (${marks}) and visibility = 'visible' and json_array_length(needs) > 0`,
    )
      .bind(site.networkId, ...site.neighbourhoodIds)
      .first<{ n: number }>();
    expect(figures.reduce((sum, f) => sum + f.initiativesWithNeeds, 0)).toBe(plain!.n);
    expect(plain!.n).toBeGreaterThan(0);
  });
});

describe('D1 work of the meetings list', () => {
  /** The meetings a page must hold, read plainly: the site's visible ones outside hidden initiatives, in (start, id) order. */
  async function expectedIds(site: SiteRecord, when: 'upcoming' | 'past', now: number) {
    const marks = site.neighbourhoodIds.map(() => '?').join(', ');
    const { results } = await env.DB.prepare(
      `select e.id from events e left join initiatives i on i.id = e.initiative_id
       where e.network_id = ? and e.neighbourhood_id in (${marks}) and e.hidden = 0 and (i.id is null or i.visibility = 'visible')
         and (coalesce(e.ends_at, e.starts_at) >= ?) = ?
       order by ${when === 'upcoming' ? 'e.starts_at, e.id' : 'e.starts_at desc, e.id desc'}`,
    )
      .bind(site.networkId, ...site.neighbourhoodIds, now, when === 'upcoming' ? 1 : 0)
      .all<{ id: string }>();
    return results.map((r) => r.id);
  }

  it('lists the demo’s upcoming meetings with their neighbourhoods and initiatives in one statement reading at most ten rows more than it returns', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const now = new Date();
    const { page, returned, statements, rowsRead } = await cost((db) => listEvents(db, site, { when: 'upcoming', limit: 20 }, now));
    expect(page.data.map((e) => e.id)).toEqual(await expectedIds(site, 'upcoming', now.getTime()));
    expect(returned).toBeGreaterThan(3);
    expect(page.data.every((e) => e.neighbourhood.name === shownName(site, e.neighbourhood.id))).toBe(true);
    expect(page.data.some((e) => e.initiative !== null)).toBe(true);
    expect(statements).toBe(1);
    // One range per neighbourhood, merged in order: no sorter, and no neighbourhood read per meeting.
    expect(rowsRead).toBeLessThanOrEqual(returned + 10);
  });

  it('lists upcoming meetings without stepping over years of past ones', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const now = new Date();
    const hour = 3_600_000;
    // Five years of a weekly two-hour meeting in each neighbourhood, all over now.
    const past = site.neighbourhoodIds.flatMap((hood, n) =>
      Array.from({ length: 260 }, (_, week) => [`zzpast${String(n)}${String(week).padStart(18, '0')}`, hood, now.getTime() - (week + 1) * 7 * 24 * hour] as const),
    );
    await storeMeetings(
      site,
      past.map(([id, neighbourhoodId, startsAt]) => ({ id, neighbourhoodId, startsAt, endsAt: startsAt + 2 * hour })),
    );
    try {
      const { page, returned, statements, rowsRead } = await cost((db) => listEvents(db, site, { when: 'upcoming', limit: 20 }, now));
      expect(page.data.map((e) => e.id)).toEqual(await expectedIds(site, 'upcoming', now.getTime()));
      expect(returned).toBeGreaterThan(3);
      expect(statements).toBe(1);
      expect(rowsRead).toBeLessThanOrEqual(returned + 10);
    } finally {
      // The tests of this file share one database.
      await env.DB.prepare("delete from events where id like 'zzpast%'").run();
    }
  });

  it('orders meetings that start at the same moment by id, across neighbourhoods and pages', async () => {
    const site = (await findSite(database(env.DB), 'gemeente-voorbeeldstad'))!;
    const [first, second] = site.neighbourhoodIds;
    const startsAt = Date.parse('2090-01-01T19:00:00Z');
    // Four meetings at one moment, stored so that neither the neighbourhood order nor the
    // order of storing is their id order: the lowest id comes last.
    await storeMeetings(site, [
      { id: 'zzmeeting0000000000000004', neighbourhoodId: first!, startsAt },
      { id: 'zzmeeting0000000000000003', neighbourhoodId: first!, startsAt },
      { id: 'zzmeeting0000000000000002', neighbourhoodId: second!, startsAt },
      { id: 'zzmeeting0000000000000001', neighbourhoodId: second!, startsAt },
    ]);
    for (const [when, now] of [
      ['upcoming', new Date(startsAt - 60_000)],
      ['past', new Date(startsAt + 60_000)],
    ] as const) {
      const seen: string[] = [];
      let afterId: string | undefined;
      do {
        const page = await listEvents(database(env.DB), site, { when, limit: 2, afterId }, now);
        seen.push(...page.data.map((e) => e.id));
        afterId = page.nextCursor === null ? undefined : seen.at(-1);
      } while (afterId && seen.length < 20);
      expect(seen).toEqual(await expectedIds(site, when, now.getTime()));
      if (when === 'upcoming') expect(seen).toEqual(['1', '2', '3', '4'].map((n) => `zzmeeting000000000000000${n}`));
    }
  });
});

/** Stores meetings by the demo's Fatima in `site`'s network (a meeting already there is left as it is). */
async function storeMeetings(site: SiteRecord, meetings: readonly { id: string; neighbourhoodId: string; startsAt: number; endsAt?: number }[]): Promise<void> {
  const organiser = demoId('voorbeeldstad', 'user', 'fatima');
  for (let i = 0; i < meetings.length; i += 50) {
    await env.DB.batch(
      meetings
        .slice(i, i + 50)
        .map((m) =>
          env.DB.prepare('insert or ignore into events (id, network_id, neighbourhood_id, organiser_id, title, starts_at, ends_at) values (?, ?, ?, ?, ?, ?, ?)').bind(
            m.id,
            site.networkId,
            m.neighbourhoodId,
            organiser,
            'Buurtoverleg',
            m.startsAt,
            m.endsAt ?? null,
          ),
        ),
    );
  }
}

function shownName(site: SiteRecord, id: string): string | undefined {
  return site.neighbourhoods.find((n) => n.id === id)?.name;
}
