import { problemTypeUri, problemTypes, type Problem, type ProblemCode } from '@buurtplein/sdk/contract';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env.js';

/** A failure the API answers with problem details; throw it from any handler. */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Writes problem details for `error` as the response to the current request. */
export function problemResponse(c: Context<AppEnv>, error: ApiError): Response {
  const { status, title } = problemTypes[error.code];
  const body: Problem = {
    type: problemTypeUri(error.code),
    title,
    status,
    detail: error.detail,
    instance: `urn:uuid:${c.get('requestId')}`,
  };
  return c.json(body, status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...error.headers,
  });
}
