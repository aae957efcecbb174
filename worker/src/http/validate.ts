import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** Explains a validation failure with the path of each offending field. */
function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.join('.') : '(aanvraag)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses `input` with a contract schema or throws an `invalid-request` problem naming the fields. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError('invalid-request', describe(result.error));
  return result.data;
}
