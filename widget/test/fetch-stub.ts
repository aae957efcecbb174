import type { AuthSession, Bootstrap, InitiativeDetail, InitiativeSummary, Me, Site } from '@buurtplein/sdk/contract';

/** One request the stub saw: where, how, with which Idempotency-Key and body. */
export interface StubCall {
  url: URL;
  method: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: unknown;
}

/**
 * A stand-in for `window.fetch` that records every URL asked for (`requests`) and every call
 * (`calls`), and answers with `respond`; a `respond` that throws is a failed connection.
 */
export function stubFetch(respond: (url: URL, call: StubCall) => Response | Promise<Response>) {
  const original = window.fetch;
  const requests: URL[] = [];
  const calls: StubCall[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const headers = new Headers(init?.headers);
    const call: StubCall = {
      url,
      method: init?.method ?? 'GET',
      idempotencyKey: headers.get('Idempotency-Key'),
      authorization: headers.get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(url);
    calls.push(call);
    return respond(url, call);
  };
  return { requests, calls, restore: () => void (window.fetch = original) };
}

/** A JSON answer, as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** Problem details for a failed request. */
export function problemResponse(slug: string, status: number): Response {
  return jsonResponse(
    { type: `https://buurtplein.nl/problemen/${slug}`, title: 'Fout', status, detail: 'Fout', instance: '/v1/test' },
    status,
  );
}

/** A promise to settle from the test, to hold a request open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let serial = 0;

/** An initiative with realistic defaults. */
export function initiative(overrides: Partial<InitiativeSummary> = {}): InitiativeSummary {
  serial += 1;
  return {
    id: `init${String(serial).padStart(12, '0')}`,
    title: `Geveltuinen in de Zonnebloemstraat ${serial}`,
    summary: 'Samen tegels eruit en planten erin.',
    status: 'gathering',
    neighbourhood: { id: 'nbhd000000000001', name: 'Lombok' },
    themes: ['green'],
    needs: ['volunteers'],
    supporterCount: 23,
    memberCount: 4,
    createdAt: '2026-10-01T10:00:00.000Z',
    updatedAt: '2026-10-02T10:00:00.000Z',
    ...overrides,
  };
}

/** The sections of an initiative's page that the widget does not show yet: empty. */
const laterSections = { threadId: null, members: [], statusHistory: [], updates: [], offers: [], upcomingEvents: [], similar: [], viewer: null };

/** An initiative as its own page shows it. */
export function initiativeDetail(overrides: Partial<InitiativeDetail> = {}): InitiativeDetail {
  return {
    ...initiative(),
    ...laterSections,
    body: 'We halen samen de tegels eruit.\n\nDaarna planten we stokrozen.',
    owner: { id: 'user000000000001', displayName: 'Fatima' },
    ...overrides,
  };
}

/** A site's configuration. */
export function site(overrides: Partial<Site> = {}): Site {
  return {
    key: 'gemeente-voorbeeldstad',
    name: 'Gemeente Voorbeeldstad',
    network: { id: 'net0000000000001', name: 'Voorbeeldstad' },
    locales: ['nl', 'en'],
    theme: {},
    neighbourhoods: [],
    ...overrides,
  };
}

/** A first-view answer holding `data`. */
export function bootstrap(data: InitiativeSummary[], nextCursor: string | null = null, siteOverrides: Partial<Site> = {}): Bootstrap {
  return { site: site(siteOverrides), initiatives: { data, nextCursor } };
}

/** A signed-in user as `GET …/me` and sessions describe them. */
export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: 'user000000000001',
    displayName: 'Fatima El Amrani',
    roles: ['resident'],
    organisation: null,
    homeNeighbourhood: null,
    ...overrides,
  };
}

/** A session answer (sign-in or refresh) for `user`. */
export function authSession(user: Me = me()): AuthSession {
  const expires = new Date(Date.now() + 15 * 60_000).toISOString();
  return { accessToken: `access-${user.id}`, accessTokenExpiresAt: expires, refreshToken: `refresh-${crypto.randomUUID()}`, refreshTokenExpiresAt: expires, user };
}

let apis = 0;

/**
 * A fresh API origin for one test: sessions are shared per site and API within a page, so each
 * test that signs in gets its own. With `user`, a refresh token is stored as after an earlier
 * sign-in, and `respond` should answer `/auth/refresh` with `authSession(user)`.
 */
export function freshApi(site: string, user?: Me): string {
  apis += 1;
  if (user) localStorage.setItem(`buurtplein:${site}:refresh-token`, `refresh-stored-${apis}`);
  else localStorage.removeItem(`buurtplein:${site}:refresh-token`);
  return `https://api-${apis}.buurtplein.test`;
}
