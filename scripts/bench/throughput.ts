// API throughput and latency: each hot endpoint against /v1/health in the same run.
import { HEALTH, isServed, uncached, type Endpoint } from './endpoints.js';
import { ms, percent, verdict } from './format.js';
import { loadTest, type LoadResult } from './load-test.js';
import type { Section } from './report.js';

const CONCURRENCIES = [1, 10] as const;
const WARMUP_SECONDS = 1;
const SECONDS = 5;
/** Throughput target at concurrency 10, as a share of /v1/health's (issue 8). */
const TARGET_SHARE = 0.5;
const TARGETED = new Set(['bootstrap', 'list']);
/** Also measured past the edge cache, as a miss or a signed-in reader sees them. */
const UNCACHED = new Set(['bootstrap', 'list', 'detail']);

/** Loads health and every served endpoint at each concurrency; an unserved one is marked n/a. */
export async function measureThroughput(baseUrl: string, endpoints: readonly Endpoint[]): Promise<Section> {
  const all = [HEALTH, ...endpoints, ...endpoints.filter((e) => UNCACHED.has(e.name)).map(uncached)];
  const served = new Map<string, boolean>();
  for (const endpoint of all) served.set(endpoint.name, await isServed(baseUrl, endpoint));
  const results = new Map<string, LoadResult>();
  for (const connections of CONCURRENCIES) {
    for (const endpoint of all.filter((e) => served.get(e.name))) {
      results.set(
        `${endpoint.name}@${connections}`,
        await loadTest(baseUrl + endpoint.path, { connections, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS, headers: endpoint.headers }),
      );
    }
  }
  const rows: string[][] = [];
  for (const connections of CONCURRENCIES) {
    const health = results.get(`health@${connections}`);
    for (const endpoint of all) {
      const result = results.get(`${endpoint.name}@${connections}`);
      if (!result || !health) {
        rows.push([endpoint.name, String(connections), 'n/a (not built yet)', '', '', '', '', '']);
        continue;
      }
      const share = result.requestsPerSecond / health.requestsPerSecond;
      const targeted = connections === 10 && TARGETED.has(endpoint.name);
      rows.push([
        endpoint.name,
        String(connections),
        result.requestsPerSecond.toFixed(0),
        ms(result.p50Ms),
        ms(result.p99Ms),
        percent(share),
        targeted ? `≥ ${percent(TARGET_SHARE)}: ${verdict(share >= TARGET_SHARE)}` : '',
        String(result.failures),
      ]);
    }
  }
  return {
    title: 'API throughput and latency (Miniflare, worker bundle from `wrangler deploy --dry-run`, site gemeente-voorbeeldstad)',
    columns: ['endpoint', 'conc.', 'req/s', 'p50', 'p99', 'vs health', 'target', 'non-2xx/errors'],
    rows,
    notes: [
      `autocannon, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s per endpoint and concurrency, all to 127.0.0.1; percentiles from every response's own time.`,
      'The load generator and workerd share the same 2 cores: compare ratios within this run, not absolute figures across machines.',
      'Anonymous repeats of the same URL are edge-cache hits (from the isolate’s memory, in front of the Workers Cache API in Miniflare), as on a busy host page; “(no cache)” rows send an `Authorization` header, which the cache never answers, so they measure the worker and D1.',
      'The throughput target is reported, not enforced.',
    ],
    failures: [],
  };
}
