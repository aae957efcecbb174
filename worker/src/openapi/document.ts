import { API_VERSION, problemTypes, type ProblemCode } from '@buurtplein/sdk/contract';
import { z } from 'zod';
import type { Operation } from './operation.js';

const COMPONENT = '#/components/schemas/';

/** A JSON Schema for `schema`: a `$ref` when the contract registered it under an id, inline otherwise. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): object {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: COMPONENT + id };
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}

const responseHeaders = {
  'API-Version': {
    description: 'The full semantic version of the API that answered.',
    schema: { type: 'string', example: API_VERSION },
  },
  'X-Request-Id': {
    description: 'The id of this request; the `instance` of a problem names it too.',
    schema: { type: 'string', format: 'uuid' },
  },
  'Buurtplein-Bookmark': {
    description: 'The latest D1 bookmark of this request\'s database session. Send it back in `Buurtplein-Bookmark` to read at least this new (read-your-writes after posting).',
    schema: { type: 'string' },
  },
};

/** What a successful GET adds: how caches may keep it. */
const readHeaders = {
  ...responseHeaders,
  'Cache-Control': {
    description: 'Anonymous reads: `public, max-age=…, stale-while-revalidate=…`. Requests with `Authorization` or `Buurtplein-Bookmark`: `private, no-store`.',
    schema: { type: 'string' },
  },
  'Buurtplein-Cache': {
    description: 'Anonymous reads: `hit` when the edge cache answered, `miss` when the API did.',
    schema: { type: 'string', enum: ['hit', 'miss'] },
  },
};

function problemResponses(codes: ProblemCode[]): Record<string, object> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of new Set<ProblemCode>([...codes, 'internal-error'])) {
    const { status } = problemTypes[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, slugs]) => [
      String(status),
      {
        description: `Problem details; \`type\` ends in ${slugs.map((s) => `\`${s}\``).join(', ')}.`,
        headers: responseHeaders,
        content: { 'application/problem+json': { schema: { $ref: `${COMPONENT}Problem` } } },
      },
    ]),
  );
}

function parameters(operation: Operation): object[] {
  const out: object[] = [];
  for (const [name, schema] of Object.entries(operation.params ?? {})) {
    out.push({ name, in: 'path', required: true, schema: schemaOf(schema, 'input') });
  }
  for (const [name, schema] of Object.entries(operation.query?.shape ?? {})) {
    const field = schema as z.ZodType;
    out.push({
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      description: field.description,
      schema: schemaOf(field, 'input'),
    });
  }
  if (operation.path.startsWith('/v1/sites/')) {
    out.push({
      name: 'Buurtplein-Bookmark',
      in: 'header',
      required: false,
      description: 'A bookmark from an earlier response: this request reads data at least that new.',
      schema: { type: 'string', maxLength: 200 },
    });
  }
  if (operation.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeating a request with the same key and body returns the first response instead of writing twice.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return out;
}

/** The OpenAPI path of an app route: without the version prefix (it is in the server URL), `{param}` style. */
export function openApiPath(path: string): string {
  return path.replace(/^\/v1/, '').replace(/:([A-Za-z]+)/g, '{$1}') || '/';
}

/** Builds the OpenAPI 3.1 description of the API from the operations and the contract's schemas. */
export function openApiDocument(operations: readonly Operation[], serverUrl: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of operations) {
    const headers = operation.method === 'get' && operation.path.startsWith('/v1/sites/') ? readHeaders : responseHeaders;
    const success: Record<string, unknown> = { description: operation.success.description, headers };
    if (operation.success.schema) success.content = { 'application/json': { schema: schemaOf(operation.success.schema) } };
    const entry: Record<string, unknown> = {
      operationId: operation.operationId,
      tags: [operation.tag],
      summary: operation.summary,
      description: operation.description,
      parameters: parameters(operation),
      responses: { [String(operation.success.status)]: success, ...problemResponses(operation.problems) },
    };
    if (operation.auth) entry.security = [{ bearer: [] }];
    if (operation.body) {
      entry.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(operation.body, 'input') } } };
    }
    (paths[openApiPath(operation.path)] ??= {})[operation.method] = entry;
  }
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => COMPONENT + id, unrepresentable: 'any' }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Buurtplein API',
      version: API_VERSION,
      description:
        'Buurtinitiatieven, open gesprek en zichtbare hulp op de websites die bewoners al bezoeken. ' +
        'Errors are RFC 9457 problem details; lists are cursor-paginated.',
      contact: { name: 'Buurtplein', email: 'ontwikkelaars@buurtplein.nl', url: 'https://buurtplein.nl/ontwikkelaars' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: serverUrl, description: 'This API' }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
