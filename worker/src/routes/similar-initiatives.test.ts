import type { InitiativeDetail } from '@buurtplein/sdk/contract';
import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { send } from '../../test/api.js';
import { call, detailOf, startInitiative, tokenOf } from '../../test/initiatives.js';
import { database } from '../data/database.js';
import { createInitiative } from '../data/initiative-detail.js';
import { findSite } from '../data/sites.js';
import { demoId } from '../db/seed.js';

const gemeente = 'gemeente-voorbeeldstad';
const woonstichting = 'woonstichting-voorbeeld';

/** The refresh runs after the response: wait for what a reader would see, however loaded the machine. */
const settles = { timeout: 20_000, interval: 100 };

async function similarIds(site: string, id: string): Promise<string[]> {
  return (await detailOf(site, id)).similar.map((s) => s.id);
}

async function staleInNetwork(networkId: string): Promise<number> {
  const row = await env.DB.prepare('select count(*) as n from initiatives where network_id = ? and similar_stale_at is not null').bind(networkId).first<{ n: number }>();
  return row!.n;
}

/** Two plans about the same thing, in words no demo initiative uses. */
const birdHouses = {
  title: 'Vogelhuisjes timmeren in het Kastanjepark',
  summary: 'Nestkastjes voor mezen en mussen timmeren met de kinderen.',
  themes: ['green'],
};
const nestBoxes = {
  title: 'Nestkastjes ophangen in het Kastanjepark',
  summary: 'Mezen en mussen een veilige plek geven om te broeden.',
  themes: ['green'],
};

describe('similar initiatives of an older initiative', { timeout: 30_000 }, () => {
  it('list a new initiative that resembles it moments after it is started, on every site showing both', async () => {
    const older = await startInitiative(gemeente, 'fatima', birdHouses);
    const newer = await startInitiative(gemeente, 'mehmet', nestBoxes);
    expect(newer.similar.map((s) => s.id)).toContain(older.id);

    await vi.waitFor(async () => expect(await similarIds(gemeente, older.id)).toContain(newer.id), settles);
    expect(await similarIds(woonstichting, older.id)).toContain(newer.id);
    const [row] = await env.DB.prepare('select similar_stale_at from initiatives where id = ?').bind(older.id).raw<[number | null]>();
    expect(row).toEqual([null]);
  });

  it('leave out an initiative once an edit makes it unlike them', async () => {
    const edited = await startInitiative(gemeente, 'mehmet', { title: 'Egels helpen in de Lindehof', summary: 'Egelhuis en snoeihout voor de egel in de winter.' });
    const listing = await startInitiative(gemeente, 'fatima', { title: 'Egelhuisjes bouwen bij de Lindehof', summary: 'Een egel overwintert graag in een egelhuis van snoeihout.' });
    expect(await similarIds(gemeente, listing.id)).toContain(edited.id);

    const res = await call(gemeente, `/${edited.id}`, { method: 'PATCH', as: 'mehmet', body: { title: 'Schaakavond in het buurthuis', summary: 'Elke dinsdag een potje schaak met koffie.' } });
    expect(res.status).toBe(200);
    expect(await similarIds(gemeente, edited.id)).not.toContain(listing.id);
    await vi.waitFor(async () => expect(await similarIds(gemeente, listing.id)).not.toContain(edited.id), settles);
  });

  it('list one a moderator lets through, and not while it waits', async () => {
    const older = await startInitiative(gemeente, 'fatima', { title: 'Bijenhotel bouwen aan de Wilgenlaan', summary: 'Wilde bijen en hommels een bijenhotel van bamboe geven.' });
    const db = database(env.DB);
    const site = (await findSite(db, gemeente))!;
    const held = createInitiative(
      db,
      {
        networkId: site.networkId,
        neighbourhood: site.neighbourhoods.find((n) => n.id === older.neighbourhood.id)!,
        owner: { id: demoId('voorbeeldstad', 'user', 'joost'), displayName: 'Joost', organisation: null },
        title: 'Bijen en hommels aan de Wilgenlaan',
        summary: 'Een bijenhotel van bamboe voor wilde bijen.',
        body: 'Wie heeft bamboe over?',
        themes: [],
        needs: [],
        visibility: 'pending',
      },
      [],
    );
    await db.batch(held.statements);
    expect(await similarIds(gemeente, older.id)).not.toContain(held.result.id);

    const approve = await send(
      `/v1/sites/${gemeente}/moderation/actions`,
      { action: 'restore', targetType: 'initiative', targetId: held.result.id, reason: 'Welkom in de buurt.' },
      { token: await tokenOf(gemeente, 'lotte') },
    );
    expect(approve.status).toBe(201);
    await vi.waitFor(async () => expect(await similarIds(gemeente, older.id)).toContain(held.result.id), settles);
  });

  it('never come from another network, and a start there leaves this network’s lists alone', async () => {
    const older = await startInitiative(gemeente, 'fatima', { title: 'Vleermuiskasten ophangen bij de Molenvijver', summary: 'Vleermuizen een kast geven boven het water.' });
    await vi.waitFor(async () => expect(await staleInNetwork('voorbeeldstad')).toBe(0), settles);

    const elsewhere = (await startInitiative('andersdorp', 'gerrit', {
      neighbourhood: 'BU17000101',
      title: 'Vleermuiskasten ophangen bij de Molenvijver',
      summary: 'Vleermuizen een kast geven boven het water.',
    })) as InitiativeDetail;
    expect(elsewhere.similar).toEqual([]);
    expect((await detailOf('andersdorp', elsewhere.id)).similar).toEqual([]);
    expect(await staleInNetwork('voorbeeldstad')).toBe(0);
    expect(await similarIds(gemeente, older.id)).not.toContain(elsewhere.id);
  });
});
