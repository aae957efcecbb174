import type { ProblemCode } from '@buurtplein/sdk/contract';
import type { z } from 'zod';

/** One documented API operation: what it takes, what it answers and which problems it can raise. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as the app routes it, e.g. `/v1/sites/:site/initiatives/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** What the operation does, for the reader of the description (required by the API design rules' linter). */
  description: string;
  /** Schemas of the path parameters, by name. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Whether the operation needs `Authorization: Bearer <access token>`. */
  auth?: boolean;
  /** Whether the operation honours `Idempotency-Key`. */
  idempotent?: boolean;
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType };
  problems: ProblemCode[];
}
