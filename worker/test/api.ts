import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';

/** Calls the worker the way a browser on `origin` would. */
export function api(path: string, init: RequestInit & { origin?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.origin) headers.set('Origin', init.origin);
  return SELF.fetch(`https://api.buurtplein.test${path}`, { ...init, headers });
}

/** Asserts a problem-details response with the given status and slug and returns its body. */
export async function expectProblem(response: Response, status: number, slug: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toContain('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
  expect(body.type).toMatch(new RegExp(`/${slug}$`));
  expect(body.status).toBe(status);
  expect(body.instance).toBe(`urn:uuid:${response.headers.get('X-Request-Id')}`);
  return body as { type: string; title: string; status: number; detail: string; instance: string };
}
