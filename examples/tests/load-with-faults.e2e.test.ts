// Many residents at once, with requests cut off half-way and retried, and writes sent twice: the
// API never answers 5xx, every error is problem details, and the counts it shows match the rows.
// A smaller run of `npm run load` (scripts/load-with-faults.ts).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { formatReport, runLoad } from '../../scripts/load-with-faults.js';
import { startLocalWorker, type LocalWorker } from './local-worker.js';

let worker: LocalWorker;

before(async () => {
  worker = await startLocalWorker();
});

after(async () => {
  await worker?.stop();
});

it('keeps its answers and counts right under mixed load with aborted and repeated requests', async () => {
  const report = await runLoad({ baseUrl: worker.baseUrl, persistTo: worker.persistTo, residents: 40, requestsPerResident: 50 });
  console.log(formatReport(report));
  assert.ok(report.outcomes.length >= 2000, `only ${report.outcomes.length} requests`);
  assert.ok(report.outcomes.filter((o) => o.status === 'aborted').length > 0, 'no request was aborted');
  assert.ok(report.outcomes.some((o) => typeof o.status === 'number' && o.status < 300 && ['support', 'join', 'comment', 'rsvp', 'offer'].includes(o.kind)), 'no write succeeded');
  assert.deepEqual(report.serverErrors, []);
  assert.deepEqual(report.notProblems, []);
  assert.deepEqual(report.inconsistencies, []);
});
