import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { database } from './database.js';
import { findSite } from './sites.js';

describe('findSite', () => {
  it('knows whether a site shows every neighbourhood of its network', async () => {
    const db = database(env.DB);
    // The municipality's site shows all three of Voorbeeldstad's neighbourhoods, the corporation's two of them.
    expect(await findSite(db, 'gemeente-voorbeeldstad')).toMatchObject({ showsWholeNetwork: true });
    expect((await findSite(db, 'gemeente-voorbeeldstad'))!.neighbourhoodIds).toHaveLength(3);
    expect(await findSite(db, 'woonstichting-voorbeeld')).toMatchObject({ showsWholeNetwork: false });
    // A neighbourhood the network gains is one the site does not show yet.
    const { networkId } = (await findSite(db, 'gemeente-voorbeeldstad'))!;
    await env.DB.prepare('insert into neighbourhoods (id, network_id, name) values (?, ?, ?)').bind('nieuwebuurt000001', networkId, 'Nieuwbouwwijk').run();
    expect(await findSite(db, 'gemeente-voorbeeldstad')).toMatchObject({ showsWholeNetwork: false });
  });
});
