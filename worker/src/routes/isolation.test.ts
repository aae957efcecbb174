import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, expectProblem } from '../../test/api.js';
import { makeSuperUsers, type SuperUsers } from '../../test/super-users.js';
import { demoId } from '../db/seed.js';
import type { Operation } from '../openapi/operation.js';
import { operations } from '../openapi/operations.js';

/**
 * Isolation, as a property over every documented route: for ids of another network, and for ids
 * of content in a neighbourhood the site does not show, every read and write answers 404 with
 * problem details (never a row), and no list ever carries such an id. The routes come from the
 * operations table, so a new route is covered the moment it is documented.
 */

const GEMEENTE = 'gemeente-voorbeeldstad';
/** Shows Havenkwartier and De Akkers, not Bloemenbuurt. */
const WOONSTICHTING = 'woonstichting-voorbeeld';
const BLOEMENBUURT = demoId('voorbeeldstad', 'neighbourhood', 'bloemenbuurt');

let users: SuperUsers;

let otherNetworkIds: string[] = [];
let hiddenNeighbourhoodIds: string[] = [];

async function column(sql: string): Promise<string[]> {
  const { results } = await env.DB.prepare(sql).all<{ id: string }>();
  return results.map((r) => r.id);
}

beforeAll(async () => {
  users = await makeSuperUsers([GEMEENTE, WOONSTICHTING]);
  // Every id of every row of Andersdorp, from every table that has an id and a network: new tables count too.
  const { results: tables } = await env.DB.prepare(
    `select m.name from sqlite_master m where m.type = 'table' and m.name not like '\\_cf\\_%' escape '\\'
       and exists (select 1 from pragma_table_info(m.name) where name = 'id')
       and exists (select 1 from pragma_table_info(m.name) where name = 'network_id')`,
  ).all<{ name: string }>();
  for (const { name } of tables) otherNetworkIds.push(...(await column(`select id from "${name}" where network_id = 'andersdorp'`)));
  otherNetworkIds = [...new Set(otherNetworkIds)];
  const inBloemenbuurt = `(select id from initiatives where neighbourhood_id = '${BLOEMENBUURT}')`;
  const threadsThere = `(select t.id from threads t left join initiatives i on i.id = t.initiative_id where coalesce(i.neighbourhood_id, t.neighbourhood_id) = '${BLOEMENBUURT}')`;
  hiddenNeighbourhoodIds = [
    ...(await column(`select id from ${inBloemenbuurt}`)),
    ...(await column(`select id from ${threadsThere}`)),
    ...(await column(`select id from comments where thread_id in ${threadsThere}`)),
    ...(await column(`select id from events where neighbourhood_id = '${BLOEMENBUURT}'`)),
    ...(await column(`select id from help_offers where initiative_id in ${inBloemenbuurt}`)),
    ...(await column(`select id from initiative_updates where initiative_id in ${inBloemenbuurt}`)),
  ];
  expect(otherNetworkIds.length).toBeGreaterThan(10);
  expect(hiddenNeighbourhoodIds.length).toBeGreaterThan(5);
});

/** Valid bodies for the routes that check their body before they look the resource up. */
const validBodies: Record<string, unknown> = { grantRole: { role: 'moderator' } };

/** Calls a route as a super user; reads ask for a WebSocket upgrade too, so that a live route gets as far as its thread. */
function call(site: string, method: string, path: string, operationId = ''): Promise<Response> {
  const hasBody = method === 'post' || method === 'put' || method === 'patch';
  return users.call(site, method, path, hasBody ? JSON.stringify(validBodies[operationId] ?? {}) : undefined, method === 'get' ? { Upgrade: 'websocket' } : {});
}

const siteRoutes = operations.filter((op) => op.path.startsWith('/v1/sites/:site'));
const withIds = siteRoutes.filter((op) => Object.keys(op.params ?? {}).some((name) => name !== 'site'));
const lists = siteRoutes.filter((op) => op.method === 'get' && !withIds.includes(op));

/** Values for each path parameter: enums from their schema, key ids as strings, everything else from `ids`. */
function pathFor(op: Operation, site: string, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const names = Object.keys(op.params ?? {}).filter((name) => name !== 'site');
  const values = names.map((name) => {
    const schema = op.params![name] as z.ZodType & { options?: readonly string[] };
    if (Array.isArray(schema.options)) return fc.constantFrom(...schema.options);
    if (name === 'kid') return fc.stringMatching(/^[a-z0-9]{6,20}$/).filter((kid) => kid !== 'dev');
    return ids;
  });
  return fc.tuple(...values).map((chosen) => {
    let path = op.path.replace(':site', site);
    names.forEach((name, i) => (path = path.replace(`:${name}`, encodeURIComponent(chosen[i]!))));
    return path;
  });
}

const randomIds = fc.stringMatching(/^[0-9a-z]{26}$/);

/**
 * Routes that refuse every request without their own credential before they look anything up
 * (the live WebSocket wants a ticket from `live-tickets`, which is itself covered): for these
 * the property is that an id of elsewhere gets exactly the answer an id of nowhere gets.
 */
const refusesBeforeLookup = new Set(['openLiveUpdates']);

/**
 * Reads that are about the user or the network rather than a site's window: one's own data
 * export holds what one wrote in every neighbourhood, and the audit log is the network's.
 * They still never carry another network's rows.
 */
const networkWide = new Set(['exportMe', 'listModerationLog']);

async function expectNotFound(site: string, op: Operation, path: string): Promise<void> {
  const res = await call(site, op.method, path, op.operationId);
  if (!refusesBeforeLookup.has(op.operationId)) {
    await expectProblem(res, 404, 'not-found');
    return;
  }
  const nowhere = await call(site, op.method, op.path.replace(':site', site).replace(/:[A-Za-z]+/g, '00000000000000000000000000'), op.operationId);
  const expected = (await nowhere.json()) as { type: string };
  expect(res.status).toBe(nowhere.status);
  expect(((await res.json()) as { type: string }).type).toBe(expected.type);
}

describe('isolation across networks and windows, over every route', () => {
  it('covers the routes of the operations table', () => {
    expect(withIds.length).toBeGreaterThan(20);
    expect(lists.length).toBeGreaterThan(10);
  });

  it.each(withIds.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s answers 404 for ids of another network',
    async (_, op) => {
      const ids = fc.oneof(fc.constantFrom(...otherNetworkIds), randomIds);
      await fc.assert(
        fc.asyncProperty(pathFor(op, GEMEENTE, ids), async (path) => {
          await expectNotFound(GEMEENTE, op, path);
        }),
        { numRuns: 8 },
      );
    },
    60_000,
  );

  it.each(withIds.filter((op) => !('userId' in (op.params ?? {}))).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s answers 404 for content in a neighbourhood the site does not show',
    async (_, op) => {
      await fc.assert(
        fc.asyncProperty(pathFor(op, WOONSTICHTING, fc.constantFrom(...hiddenNeighbourhoodIds)), async (path) => {
          await expectNotFound(WOONSTICHTING, op, path);
        }),
        { numRuns: 8 },
      );
    },
    60_000,
  );

  it.each(lists.map((op) => [op.path, op] as const))('GET %s never carries a row of another network or of a hidden neighbourhood', async (_, op) => {
    const hidden = networkWide.has(op.operationId) ? [] : hiddenNeighbourhoodIds;
    for (const [site, foreign] of [
      [GEMEENTE, otherNetworkIds],
      [WOONSTICHTING, [...otherNetworkIds, ...hidden]],
    ] as const) {
      const res = await call(site, 'get', op.path.replace(':site', site), op.operationId);
      const text = await res.text();
      expect(res.status, `${site} ${op.path}: ${text.slice(0, 200)}`).toBeLessThan(500);
      const leaked = foreign.filter((id) => text.includes(id));
      expect(leaked, `${site} ${op.path}`).toEqual([]);
    }
  });
});
