import { describe, expect, it } from 'vitest';
import { api } from '../../test/api.js';

describe('CORS per site', () => {
  it('grants the site’s own origin and varies on Origin', async () => {
    const res = await api('/v1/sites/gemeente-voorbeeldstad/initiatives', { origin: 'https://www.voorbeeldstad.nl' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://www.voorbeeldstad.nl');
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('gives no grant to an origin outside the site’s list', async () => {
    const res = await api('/v1/sites/gemeente-voorbeeldstad/initiatives', { origin: 'https://evil.example' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Vary')).toContain('Origin');
  });

  it('gives no grant to another site’s origin, even in the same network', async () => {
    const res = await api('/v1/sites/gemeente-voorbeeldstad', { origin: 'https://www.woonstichting-voorbeeld.nl' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('does not grant the API’s own origin outside development', async () => {
    const res = await api('/v1/sites/gemeente-voorbeeldstad', { origin: 'https://api.buurtplein.test' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin with the methods and headers writes need', async () => {
    const res = await api('/v1/sites/woonstichting-voorbeeld/initiatives', {
      method: 'OPTIONS',
      origin: 'https://www.woonstichting-voorbeeld.nl',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://www.woonstichting-voorbeeld.nl');
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('POST');
  });

  it('answers a preflight from a foreign origin without a grant', async () => {
    const res = await api('/v1/sites/woonstichting-voorbeeld/initiatives', { method: 'OPTIONS', origin: 'https://evil.example' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });
});
