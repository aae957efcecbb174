import type { Page } from '@buurtplein/sdk';
import { describe, expect, it } from 'vitest';
import { demoId, demoInitiativeId } from '../../src/db/seed.js';
import { testClient, workerFetch } from '../sdk-client.js';

const SITE = 'gemeente-voorbeeldstad';
const client = testClient(SITE);
const moestuin = demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat');
const akkers = demoId('voorbeeldstad', 'neighbourhood', 'de-akkers');

/** Collects a `for await` iteration. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every page of a list, read by hand, to compare `all()` with. */
async function byHand<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('reads through the SDK client', () => {
  it('reads the site and the first view', async () => {
    const site = await client.sites.get();
    expect(site.key).toBe(SITE);
    expect(site.neighbourhoods.map((n) => n.name)).toEqual(['Bloemenbuurt', 'Havenkwartier', 'De Akkers']);
    const first = await client.sites.bootstrap({ limit: 3 });
    expect(first.site.key).toBe(SITE);
    expect(first.initiatives.data).toHaveLength(3);
  });

  it('finds the neighbourhood of a postcode', async () => {
    const page = await client.neighbourhoods.list({ postcode: '3014' });
    expect(page.data.map((n) => n.cbsCode)).toEqual(['BU05990103']);
    expect((await collect(client.neighbourhoods.all())).length).toBe(3);
  });

  it('iterates every initiative with for await, one request per page', async () => {
    const seen: Request[] = [];
    const paged = testClient(SITE, { fetch: workerFetch(seen) });
    const all = await collect(paged.initiatives.all({ limit: 2 }));
    const expected = await byHand((cursor) => client.initiatives.list({ limit: 2, cursor }));
    expect(all.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(4);
    // One request per page of two; a full last page may cost one more to learn it was the last.
    expect(seen.length - Math.ceil(all.length / 2)).toBeOneOf([0, 1]);
  });

  it('stops fetching when the loop breaks', async () => {
    const seen: Request[] = [];
    const paged = testClient(SITE, { fetch: workerFetch(seen) });
    for await (const initiative of paged.initiatives.all({ limit: 2 })) {
      if (initiative) break;
    }
    expect(seen).toHaveLength(1);
  });

  it('filters initiatives that need help and reads one in full', async () => {
    const needing = await collect(client.initiatives.all({ needs: 'any' }));
    expect(needing.length).toBeGreaterThan(0);
    expect(needing.every((i) => i.needs.length > 0)).toBe(true);
    const detail = await client.initiatives.get(moestuin);
    expect(detail.title).toBe('Buurtmoestuin achter de Havenflat');
    expect(detail.viewer).toBeNull();
  });

  it('reads members, updates and offers of an initiative', async () => {
    const members = await collect(client.initiatives.members.all(moestuin, { limit: 1 }));
    expect(members.some((m) => m.role === 'owner')).toBe(true);
    const updates = await client.initiatives.updates.list(moestuin);
    expect(Array.isArray(updates.data)).toBe(true);
    const offers = await collect(client.offers.all(moestuin));
    expect(offers.map((o) => o.kind)).toContain('meeting-space');
  });

  it('reads threads and their comments', async () => {
    const threads = await collect(client.threads.all({ kind: 'initiative', limit: 5 }));
    expect(threads.length).toBeGreaterThan(0);
    const lively = threads.find((t) => t.commentCount > 0)!;
    expect((await client.threads.get(lively.id)).title).toBe(lively.title);
    const comments = await collect(client.comments.all(lively.id, { limit: 1 }));
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.threadId === lively.id && c.depth === 0)).toBe(true);
  });

  it('reads meetings, upcoming and past', async () => {
    const upcoming = await client.events.list();
    const past = await collect(client.events.all({ when: 'past' }));
    const any = upcoming.data[0] ?? past[0];
    expect(any).toBeDefined();
    expect((await client.events.get(any!.id)).title).toBe(any!.title);
  });

  it('reads the professionals who can help, filtered by neighbourhood', async () => {
    const inAkkers = await collect(client.professionals.all({ neighbourhood: akkers }));
    expect(inAkkers.length).toBeGreaterThan(0);
    expect(inAkkers.every((p) => p.neighbourhoods.some((n) => n.id === akkers))).toBe(true);
  });
});
