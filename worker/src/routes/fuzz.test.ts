import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeSuperUsers, type SuperUsers } from '../../test/super-users.js';
import type { Operation } from '../openapi/operation.js';
import { operations } from '../openapi/operations.js';

/**
 * Fuzzing every request body the API takes (POST, PATCH and PUT, from the operations table):
 * whatever arrives, the answer is never a 5xx, and every refusal is problem details with exactly
 * the five members. Path ids are real rows of the site, so bodies reach their handlers.
 */

const SITE = 'gemeente-voorbeeldstad';
let users: SuperUsers;
/** A real id per path parameter (by the path segment before it). */
const realIds = new Map<string, string>();

async function first(sql: string): Promise<string> {
  const row = await env.DB.prepare(sql).first<{ id: string }>();
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
}

beforeAll(async () => {
  users = await makeSuperUsers([SITE]);
  realIds.set('initiatives', await first(`select id from initiatives where network_id = 'voorbeeldstad' order by id limit 1`));
  realIds.set('threads', await first(`select id from threads where network_id = 'voorbeeldstad' and kind = 'topic' order by id limit 1`));
  realIds.set('comments', await first(`select id from comments where network_id = 'voorbeeldstad' and status = 'visible' order by id limit 1`));
  realIds.set('offers', await first(`select id from help_offers where network_id = 'voorbeeldstad' order by id limit 1`));
  realIds.set('events', await first(`select id from events where network_id = 'voorbeeldstad' order by starts_at desc limit 1`));
  realIds.set('users', await first(`select id from users where network_id = 'voorbeeldstad' order by id limit 1`));
});

const fuzzed = operations.filter((op) => ['post', 'patch', 'put'].includes(op.method) && op.path.startsWith('/v1/sites/:site'));

function pathOf(op: Operation): string {
  const segments = op.path.replace(':site', SITE).split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const schema = op.params?.[segment.slice(1)] as (z.ZodType & { options?: readonly string[] }) | undefined;
      if (Array.isArray(schema?.options)) return schema.options[0]!;
      return realIds.get(segments[i - 1]!) ?? '00000000000000000000000000';
    })
    .join('/');
}

/** The property names a body schema knows, so generated objects hit real fields. */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object; anyOf?: { properties?: object }[]; oneOf?: { properties?: object }[] };
  const variants = [json, ...(json.anyOf ?? []), ...(json.oneOf ?? [])];
  return [...new Set(variants.flatMap((v) => Object.keys(v.properties ?? {})))];
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', 'javascript:alert(1)', 'https://a.example', '0'.repeat(5000), '💥'.repeat(100), '--buurt-x', 'NaN'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function bodies(op: Operation): fc.Arbitrary<string> {
  const fields = fieldsOf(op.body);
  const shaped = fields.length ? fc.dictionary(fc.constantFrom(...fields), nasty, { maxKeys: fields.length + 1 }) : fc.constant({});
  return fc.oneof(
    shaped.map((o) => JSON.stringify(o)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.constantFrom('{', '[]', 'null', '"x"', '{"__proto__":{"admin":true}}', '{"a":' + '['.repeat(200) + ']'.repeat(200) + '}'),
  );
}

describe('fuzzing every request body', () => {
  it('covers the writes of the operations table', () => expect(fuzzed.length).toBeGreaterThan(20));

  it.each(fuzzed.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s never answers 5xx, and refuses with problem details', async (_, op) => {
    const path = pathOf(op);
    await fc.assert(
      fc.asyncProperty(bodies(op), async (body) => {
        const res = await users.call(SITE, op.method, path, body);
        const text = await res.text();
        expect(res.status, `${op.method} ${path} ${body.slice(0, 200)} → ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('Content-Type')).toContain('application/problem+json');
          expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
