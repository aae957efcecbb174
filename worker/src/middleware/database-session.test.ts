import type { InitiativeDetail } from '@buurtplein/sdk/contract';
import { describe, expect, it } from 'vitest';
import { api, send } from '../../test/api.js';
import { signIn } from '../../test/auth.js';
import { demoInitiativeId } from '../db/seed.js';

const SITE = '/v1/sites/gemeente-voorbeeldstad';
const REPAIR = demoInitiativeId('voorbeeldstad', 'repair-cafe-buurthuis');

describe('D1 sessions and the Buurtplein-Bookmark header', () => {
  it('returns a bookmark after a write, and a read with it sees the write', async () => {
    const { accessToken } = await signIn('gemeente-voorbeeldstad', 'pieter');
    const before = (await (await api(`${SITE}/initiatives/${REPAIR}`)).json()) as InitiativeDetail;
    const put = await send(`${SITE}/initiatives/${REPAIR}/support`, {}, { method: 'PUT', token: accessToken });
    expect(put.status).toBe(200);
    const bookmark = put.headers.get('Buurtplein-Bookmark');
    expect(bookmark).toBeTruthy();

    const read = await api(`${SITE}/initiatives/${REPAIR}`, { headers: { Authorization: `Bearer ${accessToken}`, 'Buurtplein-Bookmark': bookmark! } });
    expect(read.status).toBe(200);
    const after = (await read.json()) as InitiativeDetail;
    expect(after.supporterCount).toBe(before.supporterCount + 1);
    expect(after.viewer?.supports).toBe(true);
    expect(read.headers.get('Buurtplein-Bookmark')).toBeTruthy();
  });

  it('returns a bookmark on anonymous reads too', async () => {
    const res = await api(`${SITE}/initiatives?limit=1`);
    expect(res.headers.get('Buurtplein-Bookmark')).toBeTruthy();
  });

  it('lets browsers send the bookmark and read it back', async () => {
    const preflight = await api(`${SITE}/initiatives`, {
      method: 'OPTIONS',
      origin: 'https://www.voorbeeldstad.nl',
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'buurtplein-bookmark' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('Buurtplein-Bookmark');
    const res = await api(`${SITE}/initiatives?limit=1`, { origin: 'https://www.voorbeeldstad.nl' });
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('Buurtplein-Bookmark');
  });

  it('ignores a malformed bookmark instead of failing the read', async () => {
    const res = await api(`${SITE}/initiatives?limit=1`, { headers: { 'Buurtplein-Bookmark': 'not a bookmark\u0001' } });
    expect(res.status).toBe(200);
  });
});
