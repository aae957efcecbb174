import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { sha256 } from '../auth/hashing.js';
import { findIdempotencyRecord } from '../data/idempotency.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { replayStoredResponse } from '../http/commit-write.js';
import { clientIp, enforceRateLimit } from '../http/rate-limit.js';

/** The largest request body a mutation may send. */
export const MAX_BODY_BYTES = 64 * 1024;

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function isJson(c: Context<AppEnv>): boolean {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

const tooLarge = () => new ApiError('payload-too-large', `De aanvraag mag hoogstens ${MAX_BODY_BYTES / 1024} KB zijn.`);

/** Reads the body as text, stopping as soon as it passes the cap. */
async function readCappedBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('Content-Length'));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('invalid-request', '(aanvraag): geen geldige UTF-8');
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid-request', '(aanvraag): geen geldige JSON');
  }
}

/**
 * What every mutation goes through before its handler: a JSON content type (so browsers
 * preflight, 415), a 64 KB body cap (413), burst limits per client address and per user (429),
 * and the `Idempotency-Key`: a key seen before replays its stored response, or answers 422 when
 * it came with a different request. Handlers read the parsed body from `c.get('body')` and
 * commit with `commitWrite`, which stores the response under the key.
 */
export const safeWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (!MUTATIONS.has(c.req.method)) return next();
  const needsBody = c.req.method !== 'DELETE';
  if (needsBody && !isJson(c)) throw new ApiError('unsupported-media-type', 'Stuur de aanvraag met Content-Type: application/json.');
  const raw = await readCappedBody(c.req.raw);
  if (!needsBody && raw !== '' && !isJson(c)) throw new ApiError('unsupported-media-type', 'Stuur de aanvraag met Content-Type: application/json.');
  c.set('body', parseJson(raw));

  const actor = c.get('actor');
  await enforceRateLimit(c, 'IP_WRITE_LIMIT', `ip:${clientIp(c)}`);
  if (actor.type === 'user') await enforceRateLimit(c, 'USER_WRITE_LIMIT', `user:${actor.userId}`);

  c.set('idempotency', undefined);
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined) {
    if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('invalid-request', 'Idempotency-Key: 1 tot 255 zichtbare ASCII-tekens');
    const site = c.get('site');
    const idem = {
      networkId: site.networkId,
      scope: `${site.key}:${actor.type === 'user' ? actor.userId : 'anonymous'}`,
      key,
      requestHash: await sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${raw}`),
    };
    const stored = await findIdempotencyRecord(c.get('db'), idem);
    if (stored) return replayStoredResponse(c, stored, idem);
    c.set('idempotency', idem);
  }
  await next();
});
