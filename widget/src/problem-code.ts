/**
 * The problem slug of a failure: `BuurtError.code` (e.g. `event-full`), read without importing the
 * SDK, so the first view stays small; `unknown` for anything that is not an API error.
 */
export function problemCode(error: unknown): string {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'unknown';
}
