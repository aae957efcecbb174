import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';

describe('GET /v1/health', () => {
  it('answers ok with the API version, a request id and the full semver version header', async () => {
    const res = await api('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '1.0.0' });
    expect(res.headers.get('API-Version')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every request its own id', async () => {
    const [a, b] = await Promise.all([api('/v1/health'), api('/v1/health')]);
    expect(a.headers.get('X-Request-Id')).not.toBe(b.headers.get('X-Request-Id'));
  });

  it('answers an unknown path with a not-found problem', async () => {
    const res = await api('/v1/nothing-here');
    await expectProblem(res, 404, 'not-found');
    expect(res.headers.get('API-Version')).toBe('1.0.0');
  });
});
