// One bounded load run against a URL on the loopback address, with exact latency percentiles.
import autocannon from 'autocannon';
import { quantile } from './stats.js';

/** Throughput and latency of one run. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  headers?: Record<string, string>;
}

/**
 * Warms the endpoint up, then loads it for a fixed time. Latencies come from every response
 * (autocannon's own histogram rounds to whole milliseconds, too coarse for a local worker).
 */
export async function loadTest(url: string, options: LoadOptions): Promise<LoadResult> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`load only goes to the loopback address, not ${url}`);
  const headers = options.headers ?? {};
  await autocannon({ url, headers, connections: options.connections, duration: options.warmupSeconds, timeout: 10 });
  const latencies: number[] = [];
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    setupClient: (client) => client.on('response', (_status, _bytes, ms) => latencies.push(ms)),
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
