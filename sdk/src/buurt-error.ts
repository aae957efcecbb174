import type { Problem, ProblemCode } from './contract/problem.js';

/**
 * What went wrong: a problem slug of the API, `network-error` when the API was not reached, or
 * `http-<status>` for an answer without problem details. Open-ended, since the API may add slugs.
 */
export type BuurtErrorCode = ProblemCode | 'network-error' | (string & {});

/**
 * An error answered by the Buurtplein API (or a failure to reach it), carrying the stable
 * problem slug as `code`.
 *
 * @example
 * try { await client.sites.get(); } catch (e) { if (e instanceof BuurtError && e.code === 'site-not-found') … }
 */
export class BuurtError extends Error {
  /** The problem slug, e.g. `site-not-found`; `network-error` when the API was not reached. */
  readonly code: BuurtErrorCode;
  /** The HTTP status, or 0 when the API was not reached. */
  readonly status: number;
  /** The `X-Request-Id` of the failed request, for support. */
  readonly requestId: string | null;
  /** The problem details as the API sent them. */
  readonly problem: Problem | null;

  constructor(init: { code: BuurtErrorCode; status: number; message: string; requestId?: string | null; problem?: Problem | null; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.name = 'BuurtError';
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.problem = init.problem ?? null;
  }
}

/** Turns a failed response into a `BuurtError`, reading problem details when present. */
export async function errorFromResponse(response: Response): Promise<BuurtError> {
  const requestId = response.headers.get('X-Request-Id');
  let problem: Problem | null = null;
  if (response.headers.get('Content-Type')?.includes('json')) {
    problem = (await response.json().catch(() => null)) as Problem | null;
  }
  const code = problem?.type ? problem.type.slice(problem.type.lastIndexOf('/') + 1) : `http-${response.status}`;
  return new BuurtError({
    code,
    status: response.status,
    message: problem?.detail || problem?.title || response.statusText || `HTTP ${response.status}`,
    requestId,
    problem,
  });
}
