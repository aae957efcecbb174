import { describe, expect, it } from 'vitest';
import { api } from '../../test/api.js';
import { app } from '../app.js';
import { openApiPath } from '../openapi/document.js';

type Doc = {
  openapi: string;
  info: { version: string; contact: Record<string, string> };
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, { headers?: object; content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown; required?: string[] }> };
};

async function document(): Promise<Doc> {
  const res = await api('/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

/** The public routes the app really serves, as OpenAPI method + path. */
function servedOperations(): string[] {
  const served = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
    .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path.replace(/\/$/, ''))}`);
  return [...new Set(served)].sort();
}

describe('GET /v1/openapi.json', () => {
  it('describes every route the app serves, and nothing it does not', async () => {
    const doc = await document();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(servedOperations());
  });

  it('is OpenAPI 3.1 with a semver version, full contact and the major version in the server URL', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(doc.info.contact).sort()).toEqual(['email', 'name', 'url']);
    expect(doc.servers[0]?.url).toMatch(/\/v1$/);
  });

  it('documents API-Version on every success and problem details on every error', async () => {
    const doc = await document();
    for (const [path, methods] of Object.entries(doc.paths)) {
      expect(path, 'kebab-case segments, no trailing slash').toMatch(/^(\/([a-z0-9.-]+|\{[a-zA-Z]+\}))+$/);
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(response.headers, `${method} ${path} ${status}`).toHaveProperty('API-Version');
          if (Number(status) >= 400) {
            expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
            expect(response.content?.['application/problem+json']?.schema.$ref).toBe('#/components/schemas/Problem');
          }
        }
      }
    }
  });

  it('gives the problem schema exactly the five RFC 9457 members and PascalCase schema names', async () => {
    const doc = await document();
    const problem = doc.components.schemas.Problem!;
    expect(Object.keys(problem.properties ?? {}).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    expect(problem.additionalProperties).toBe(false);
    for (const name of Object.keys(doc.components.schemas)) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });
});
