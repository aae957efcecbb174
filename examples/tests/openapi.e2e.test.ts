import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/local-server.js';
import { startLocalWorker, type LocalWorker } from './local-worker.js';

let worker: LocalWorker;

before(async () => {
  worker = await startLocalWorker();
});

after(async () => {
  await worker?.stop();
});

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

describe('the served OpenAPI description', () => {
  it('passes the NL GOV API Design Rules linter (Spectral, Logius ruleset)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'buurtplein-openapi-')), 'openapi.json');
    return fetch(`${worker.baseUrl}/v1/openapi.json`)
      .then((res) => res.text())
      .then((text) => {
        writeFileSync(file, text);
        const run = spawnSync(
          process.execPath,
          [join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'), 'lint', file, '--ruleset', join(ROOT, 'docs/standards/nlgov-api-design-rules.spectral.yml'), '--format', 'json', '--quiet'],
          { encoding: 'utf8' },
        );
        const results = JSON.parse(run.stdout || '[]') as SpectralResult[];
        // The local server speaks plain http; production's server URL is https.
        // Webhook payload schemas are components for receivers, not referenced by a path.
        const findings = results.filter((r) => r.code !== 'nlgov:servers-use-https' && !(r.code === 'oas3-unused-component' && /(DomainEvent|WebhookEvent)$/.test(r.path.join('.'))));
        assert.deepEqual(
          findings.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`),
          [],
        );
      });
  });
});
