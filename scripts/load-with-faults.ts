// A bounded, mixed run against the local worker with faults: many residents signed in by host SSO
// read lists, details and searches while they support, join, comment and RSVP at once, and
// professionals offer help; some requests are aborted a few milliseconds in and retried with the
// same Idempotency-Key, some writes are sent twice at once. It ends by checking that no answer was
// a 5xx, that every error is problem details, and that every count the API shows equals its rows.
//
//   npm run load                        # starts its own local worker (the widget must be built)
//   LOAD_RESIDENTS=100 LOAD_REQUESTS=100 npm run load
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Event, InitiativeDetail, InitiativeSummary, Thread } from '@buurtplein/sdk/contract';
import { startLocalWorker } from '../examples/tests/local-worker.js';
import { siteApi, type Resident, type SiteApi } from '../examples/tests/resident-api.js';
import { ROOT } from './local-server.js';

export interface LoadOptions {
  baseUrl: string;
  /** The worker's `--persist-to` directory; with it the counts are checked against the rows in SQL. */
  persistTo: string;
  site?: string;
  residents: number;
  /** Requests each resident makes in the mixed phase (retries of aborted writes come on top). */
  requestsPerResident: number;
  /** Share of requests aborted after 1–30 ms. */
  abortRate?: number;
  /** Share of writes sent twice at once with one Idempotency-Key. */
  duplicateRate?: number;
  seed?: number;
}

/** One answered (or aborted) request. */
interface Outcome {
  kind: string;
  status: number | 'aborted';
  ms: number;
}

export interface LoadReport {
  outcomes: Outcome[];
  /** Answers ≥ 500, with what they said. */
  serverErrors: string[];
  /** Answers ≥ 400 whose body is not problem details. */
  notProblems: string[];
  /** Counts the API shows that differ from the rows. */
  inconsistencies: string[];
  /** What was compared, e.g. "supporters of 4 initiatives". */
  checked: string[];
  seconds: number;
}

const PROBLEM_MEMBERS = ['detail', 'instance', 'status', 'title', 'type'];
const HAVENKWARTIER = 'BU05990102';
const WORDS = ['tuin', 'buurt', 'speeltuin', 'repair', 'moestuin', 'bankje', 'koffie', 'straat'];

/** A small seeded generator (mulberry32), so a run's mix can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** Row counts straight from the local D1, one query. */
function sql(persistTo: string, statement: string): Record<string, number | string>[] {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--command', statement],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { results: Record<string, number | string>[] }[])[0]!.results;
}

const quote = (ids: readonly string[]) => ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');

/** Runs the mixed load with faults and checks the outcome. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const site = options.site ?? 'gemeente-voorbeeldstad';
  const abortRate = options.abortRate ?? 0.08;
  const duplicateRate = options.duplicateRate ?? 0.08;
  const seed = options.seed ?? 20261128;
  const api: SiteApi = siteApi(options.baseUrl, site);
  const report: LoadReport = { outcomes: [], serverErrors: [], notProblems: [], inconsistencies: [], checked: [], seconds: 0 };
  const started = performance.now();

  // Setup: residents by SSO (each its own client address), two professionals by e-mail code, and
  // four fresh initiatives with a meeting each, besides the neighbourhood's existing ones.
  const residents: Resident[] = [];
  await inParallel(
    Array.from({ length: options.residents }, (_, i) => i),
    6,
    async (i) => void residents.push(await api.signInSso(`load-${seed}-${i}`, `Buurbewoner ${i}`)),
  );
  const professionals = [await api.signInEmail('ruben@woonstichting-voorbeeld.nl'), await api.signInEmail('esra@welzijn-voorbeeldstad.nl')];
  const targets: { id: string; threadId: string; eventId: string }[] = [];
  for (const owner of residents.slice(0, 4)) {
    const created = await api.call<InitiativeSummary>('/initiatives', {
      method: 'POST',
      as: owner,
      body: { neighbourhood: HAVENKWARTIER, title: `Drukte-proef ${seed} ${owner.userId.slice(-4)}`, summary: 'Veel buren tegelijk.' },
    });
    const detail = await api.call<InitiativeDetail>(`/initiatives/${created.id}`);
    const event = await api.call<Event>('/events', {
      method: 'POST',
      as: owner,
      body: { initiativeId: created.id, title: 'Buurtoverleg', location: 'Buurthuis', startsAt: new Date(Date.now() + 86_400_000).toISOString(), capacity: Math.max(3, options.residents >> 2) },
    });
    targets.push({ id: created.id, threadId: detail.threadId!, eventId: event.id });
  }

  /** Sends one request; aborts it after a few ms when told; records and checks the answer. */
  async function send(kind: string, path: string, init: { method?: string; body?: unknown; as?: Resident; key?: string; abortAfter?: number }): Promise<number | 'aborted'> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.as?.token) headers.Authorization = `Bearer ${init.as.token}`;
    if (init.as) headers['CF-Connecting-IP'] = init.as.address;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['Idempotency-Key'] = init.key ?? crypto.randomUUID();
    const controller = new AbortController();
    const timer = init.abortAfter === undefined ? undefined : setTimeout(() => controller.abort(), init.abortAfter);
    const t0 = performance.now();
    try {
      const res = await fetch(api.root + path, {
        method,
        headers,
        signal: controller.signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      report.outcomes.push({ kind, status: res.status, ms });
      if (res.status >= 500) report.serverErrors.push(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
      if (res.status >= 400) {
        let members: string[] = [];
        let status: unknown;
        try {
          const body = JSON.parse(text) as Record<string, unknown>;
          members = Object.keys(body).sort();
          status = body.status;
        } catch {
          // not JSON: reported below
        }
        const type = res.headers.get('Content-Type') ?? '';
        if (!type.startsWith('application/problem+json') || members.join() !== PROBLEM_MEMBERS.join() || status !== res.status) {
          report.notProblems.push(`${method} ${path} → ${res.status} ${type} ${text.slice(0, 200)}`);
        }
      }
      return res.status;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      report.outcomes.push({ kind, status: 'aborted', ms: performance.now() - t0 });
      return 'aborted';
    } finally {
      clearTimeout(timer);
    }
  }

  /** A write as a client makes it: possibly aborted (then retried with the same key) or sent twice at once. */
  async function write(kind: string, path: string, rnd: () => number, init: { method: string; body?: unknown; as: Resident }): Promise<void> {
    const key = crypto.randomUUID();
    if (rnd() < duplicateRate) {
      await Promise.all([send(kind, path, { ...init, key }), send(kind, path, { ...init, key })]);
      return;
    }
    const abortAfter = rnd() < abortRate ? 1 + Math.floor(rnd() * 30) : undefined;
    let status = await send(kind, path, { ...init, key, ...(abortAfter === undefined ? {} : { abortAfter }) });
    for (let retry = 0; status === 'aborted' && retry < 3; retry++) status = await send(`${kind} (retry)`, path, { ...init, key });
  }

  let commentNumber = 0;
  async function resident(who: Resident, index: number, professional: boolean): Promise<void> {
    const rnd = random(seed + index * 7919);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
    for (let n = 0; n < options.requestsPerResident; n++) {
      const target = pick(targets);
      const roll = rnd();
      const abortAfter = rnd() < abortRate ? 1 + Math.floor(rnd() * 30) : undefined;
      // Half the reads are a visitor's, not signed in: those the edge cache may answer.
      const read = { ...(rnd() < 0.5 ? { as: { ...who, token: '' } } : { as: who }), ...(abortAfter === undefined ? {} : { abortAfter }) };
      if (professional && roll < 0.3) {
        await write('offer', `/initiatives/${target.id}/offers`, rnd, { method: 'POST', as: who, body: { kind: 'meeting-space', message: `Ruimte beschikbaar (${seed}-${index}-${n}).` } });
      } else if (roll < 0.17) await send('list', `/initiatives?neighbourhood=${HAVENKWARTIER}&limit=${1 + Math.floor(rnd() * 20)}`, read);
      else if (roll < 0.31) await send('detail', `/initiatives/${target.id}`, read);
      else if (roll < 0.38) await send('search', `/initiatives?q=${pick(WORDS)}`, read);
      else if (roll < 0.44) await send('comments', `/threads/${target.threadId}/comments?limit=20`, read);
      else if (roll < 0.48) await send('members', `/initiatives/${target.id}/members`, read);
      else if (roll < 0.51) await send('events', `/events?initiative=${target.id}`, read);
      else if (roll < 0.61) await write('support', `/initiatives/${target.id}/support`, rnd, { method: 'PUT', as: who, body: {} });
      else if (roll < 0.68) await write('unsupport', `/initiatives/${target.id}/support`, rnd, { method: 'DELETE', as: who });
      else if (roll < 0.75) await write('join', `/initiatives/${target.id}/members`, rnd, { method: 'POST', as: who, body: {} });
      else if (roll < 0.8) await write('leave', `/initiatives/${target.id}/members/me`, rnd, { method: 'DELETE', as: who });
      else if (roll < 0.9) {
        const body = `Ik doe mee! (${seed}-${index}-${n}-${commentNumber++})`;
        await write('comment', `/threads/${target.threadId}/comments`, rnd, { method: 'POST', as: who, body: { body } });
      } else await write('rsvp', `/events/${target.eventId}/rsvp`, rnd, { method: 'PUT', as: who, body: { status: rnd() < 0.7 ? 'going' : 'not_going' } });
    }
  }

  await Promise.all([
    ...residents.map((who, i) => resident(who, i, false)),
    ...professionals.map((who, i) => resident(who, options.residents + i, true)),
  ]);

  // Every count the API shows against the rows behind it.
  const ids = targets.map((t) => t.id);
  const rows = sql(
    options.persistTo,
    `select i.id as id,
       (select count(*) from supports s where s.initiative_id = i.id) as supporters,
       (select count(*) from memberships m where m.initiative_id = i.id and m.status = 'active') as members,
       (select count(*) from comments c where c.thread_id = (select t.id from threads t where t.initiative_id = i.id) and c.status = 'visible') as comments,
       (select count(*) from event_rsvps r join events e on e.id = r.event_id where e.initiative_id = i.id and r.status = 'going') as going,
       (select count(*) from help_offers f where f.initiative_id = i.id) as offers,
       (select count(*) from (select body from comments c where c.thread_id = (select t.id from threads t where t.initiative_id = i.id) group by body having count(*) > 1)) as repeated
     from initiatives i where i.id in (${quote(ids)})`,
  );
  for (const target of targets) {
    const row = rows.find((r) => r.id === target.id);
    const detail = await api.call<InitiativeDetail>(`/initiatives/${target.id}`);
    const thread = await api.call<Thread>(`/threads/${target.threadId}`);
    const event = await api.call<Event>(`/events/${target.eventId}`);
    const compare = (what: string, shown: number, counted: unknown) => {
      if (shown !== counted) report.inconsistencies.push(`${target.id} ${what}: the API shows ${shown}, the rows are ${String(counted)}`);
    };
    compare('supporters', detail.supporterCount, row?.supporters);
    compare('members', detail.memberCount, row?.members);
    compare('comments', thread.commentCount, row?.comments);
    compare('going to the meeting', event.attendeeCount, row?.going);
    compare('offers', detail.offers.length, row?.offers);
    if (row?.repeated !== 0) report.inconsistencies.push(`${target.id}: ${String(row?.repeated)} comments stored twice despite one Idempotency-Key`);
  }
  report.checked.push(`supporters, members, comments, meeting attendees and offers of ${targets.length} initiatives; comments stored once per key`);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The summary table: requests by kind and status, latency, aborted count, and what was checked. */
export function formatReport(report: LoadReport): string {
  const kinds = [...new Set(report.outcomes.map((o) => o.kind))].sort();
  const statuses = [...new Set(report.outcomes.map((o) => String(o.status)))].sort();
  const width = Math.max(...kinds.map((k) => k.length), 5);
  const lines = [`${'kind'.padEnd(width)} ${statuses.map((s) => s.padStart(7)).join(' ')}   p50 ms   p99 ms`];
  const row = (label: string, outcomes: Outcome[]) => {
    const answered = outcomes.filter((o) => o.status !== 'aborted').map((o) => o.ms).sort((a, b) => a - b);
    const counts = statuses.map((s) => String(outcomes.filter((o) => String(o.status) === s).length || '').padStart(7));
    lines.push(`${label.padEnd(width)} ${counts.join(' ')} ${percentile(answered, 50).toFixed(0).padStart(8)} ${percentile(answered, 99).toFixed(0).padStart(8)}`);
  };
  for (const kind of kinds) row(kind, report.outcomes.filter((o) => o.kind === kind));
  row('all', report.outcomes);
  const count = (f: (o: Outcome) => boolean) => report.outcomes.filter(f).length;
  lines.push(
    '',
    `${report.outcomes.length} requests in ${report.seconds.toFixed(1)} s; aborted ${count((o) => o.status === 'aborted')}; ` +
      `rate limited (429) ${count((o) => o.status === 429)}; 5xx ${report.serverErrors.length}; errors without problem details ${report.notProblems.length}; ` +
      `count mismatches ${report.inconsistencies.length}`,
    `checked: ${report.checked.join('; ')}`,
    ...report.serverErrors.slice(0, 10).map((e) => `5xx: ${e}`),
    ...report.notProblems.slice(0, 10).map((e) => `not problem details: ${e}`),
    ...report.inconsistencies.map((e) => `mismatch: ${e}`),
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const worker = await startLocalWorker();
  try {
    const report = await runLoad({
      baseUrl: worker.baseUrl,
      persistTo: worker.persistTo,
      residents: Number(process.env.LOAD_RESIDENTS ?? 60),
      requestsPerResident: Number(process.env.LOAD_REQUESTS ?? 80),
    });
    console.log(formatReport(report));
    process.exitCode = report.serverErrors.length || report.notProblems.length || report.inconsistencies.length ? 1 : 0;
  } finally {
    await worker.stop();
  }
}
