import type { Bootstrap, InitiativeDetail, InitiativeSummary, Site } from '@buurtplein/sdk/contract';

/** A stand-in for `window.fetch` that records every URL asked for and answers with `respond`. */
export function stubFetch(respond: (url: URL) => Response | Promise<Response>) {
  const original = window.fetch;
  const requests: URL[] = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    requests.push(url);
    return respond(url);
  };
  return { requests, restore: () => void (window.fetch = original) };
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
