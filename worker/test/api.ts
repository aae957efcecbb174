import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';

let lastAddress = 0;

/** A client address of its own (TEST-NET-2), so per-address limits bite only where a test means them to. */
export function freshIp(): string {
  lastAddress += 1;
  return `198.51.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

/**
 * Calls the worker the way a browser on `origin` would. Each call comes from its own client
 * address unless `ip` names one.
 */
export function api(path: string, init: RequestInit & { origin?: string; ip?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.origin) headers.set('Origin', init.origin);
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', init.ip ?? freshIp());
  return SELF.fetch(`https://api.buurtplein.test${path}`, { ...init, headers });
}

/** Options of a JSON call: a bearer token, an idempotency key, a method other than POST. */
export interface SendOptions {
  method?: string;
  token?: string;
  idempotencyKey?: string;
  ip?: string;
}

/** Sends `body` as JSON (POST unless told otherwise), the way the widget writes. */
export function send(path: string, body: unknown, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return api(path, { method: options.method ?? 'POST', headers, body: JSON.stringify(body), ip: options.ip });
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
