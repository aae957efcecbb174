import type { AuthSession, Me, Role } from '@buurtplein/sdk/contract';
import { ConsoleApi } from '../console-api.js';

/** One request the console sent. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Answer = Response | Promise<Response>;

/** A stand-in for `window.fetch` that records every request and answers with `respond`. */
export function stubFetch(respond: (request: SentRequest) => Answer) {
  const original = window.fetch;
  const requests: SentRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method: init.method ?? 'GET', url, headers: new Headers(init.headers), body };
    requests.push(request);
    return respond(request);
  };
  return { requests, restore: () => void (window.fetch = original) };
}

/** A JSON answer, as the API sends it. */
export function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Problem details for a failed request. */
export function problem(slug: string, status: number, detail = 'Fout'): Response {
  return json({ type: `https://buurtplein.nl/problemen/${slug}`, title: 'Fout', status, detail, instance: '/v1/test' }, status);
}

/** A user with the given roles. */
export function user(roles: Role[], overrides: Partial<Me> = {}): Me {
  return { id: 'user000000000009', displayName: 'Lotte', roles, organisation: null, homeNeighbourhood: null, ...overrides };
}

/** A session as sign-in and refresh answer it. */
export function authSession(me: Me): AuthSession {
  return {
    accessToken: 'aaa.bbb.ccc',
    accessTokenExpiresAt: '2099-01-01T00:00:00.000Z',
    refreshToken: 'refresh-2',
    refreshTokenExpiresAt: '2099-01-01T00:00:00.000Z',
    user: me,
  };
}

/** A storage that holds a refresh token for `site`, so an API starts signed in. */
export function storageWithSession(site: string): Storage {
  const items = new Map<string, string>([[`buurtplein:${site}:refresh-token`, 'refresh-1']]);
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

/** An empty storage: signed out. */
export function emptyStorage(): Storage {
  const storage = storageWithSession('-');
  storage.clear();
  return storage;
}

let serial = 0;

/** A console API signed in as `me`, on its own origin (so cached site configurations never leak between tests). */
export function signedInApi(site: string, me: Me): { api: ConsoleApi; origin: string } {
  const origin = `https://console${++serial}.buurtplein.test`;
  return { api: new ConsoleApi({ site, baseUrl: origin, storage: storageWithSession(site) }), origin };
}

/** Whether a request is the session's refresh, which every signed-in test answers the same way. */
export function isRefresh(request: SentRequest): boolean {
  return request.url.pathname.endsWith('/auth/refresh');
}
