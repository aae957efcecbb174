// `npm run bench`: bytes, API throughput, D1 work, scale and host-page cost in one run; prints
// the tables and writes them to docs/benchmarks.md. Exits non-zero when a byte budget is exceeded.
// `npx tsx scripts/bench.ts host` builds the widget and measures only the host page, and writes no file;
// `npx tsx scripts/bench.ts api` measures only the API (throughput, D1 work, scale), and writes no file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { demoInitiativeId } from '../worker/src/db/seed.js';
import { startBenchWorker, type BenchWorker } from './bench/bench-worker.js';
import { measureBytes } from './bench/bytes.js';
import { measureD1Work } from './bench/d1-section.js';
import { hotEndpoints } from './bench/endpoints.js';
import { HOST_SITE } from './bench/host-pages.js';
import { measureHostPage } from './bench/host-page.js';
import { writePublicDir } from './bench/public-dir.js';
import { failedSection, toMarkdown, toText, type Section } from './bench/report.js';
import { generateNetwork, hasCommentsTable, type ScaleNetwork, type ScaleSpec } from './bench/scale-data.js';
import { generateDiscussion } from './bench/scale-comments.js';
import { scaleDataSection } from './bench/scale-section.js';
import { measureScale, queryPlans } from './bench/scale.js';
import { measureThroughput } from './bench/throughput.js';
import { buildFloor, buildWidget, buildWidgetWithNpm, type BuiltFile } from './bench/widget-build.js';
import { bundleWorker } from './bench/worker-bundle.js';
import { ROOT } from './local-server.js';

const SMALL: ScaleSpec = { key: 'bench-1k', initiatives: 1_000, users: 100, neighbourhoods: 10, comments: 10_000 };
const LARGE: ScaleSpec = { key: 'bench-100k', initiatives: 100_000, users: 10_000, neighbourhoods: 10, comments: 1_000_000 };

const sections: Section[] = [];
/** `host`: only the host-page measurement, for iterating on the widget's cost to a page; `api`: only the API's. */
const only = process.argv[2];
if (only !== undefined && only !== 'host' && only !== 'api') throw new Error(`unknown section "${only}"; the sections that run alone are "host" and "api"`);

/** Runs one measurement; a crash becomes a failed section instead of ending the bench. */
async function attempt(title: string, measure: () => Promise<Section | Section[]>): Promise<void> {
  const started = performance.now();
  process.stdout.write(`… ${title}\n`);
  try {
    const result = await measure();
    for (const section of [result].flat()) {
      sections.push(section);
      console.log(toText(section));
    }
  } catch (error) {
    const section = failedSection(title, error);
    sections.push(section);
    console.error(toText(section));
  }
  process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

async function apiMeasurements(worker: BenchWorker): Promise<void> {
  const demo = hotEndpoints(HOST_SITE, demoInitiativeId('voorbeeldstad', 'buurtmoestuin-havenflat'));
  await attempt('API throughput', () => measureThroughput(worker.url, demo));

  const networks: ScaleNetwork[] = [];
  await attempt('Generated data', async () => {
    const started = performance.now();
    const withComments = await hasCommentsTable(worker.db);
    for (const spec of [SMALL, LARGE]) {
      networks.push(await generateNetwork(worker.db, spec));
      if (withComments) await generateDiscussion(worker.db, spec);
    }
    return scaleDataSection(networks, (performance.now() - started) / 1000, withComments);
  });
  const [small, large] = networks;
  const sized = [small, large].filter((n) => n !== undefined).map((n) => ({ label: labelOf(n), endpoints: hotEndpoints(n.siteKey, n.sampleInitiativeId) }));

  await attempt('D1 work per view', async () => {
    const { section, costs } = await measureD1Work(worker.db, [{ label: 'demo', endpoints: demo }, ...sized]);
    const largeLabel = sized.at(-1)?.label;
    const plans = [...costs].filter(([key]) => key.startsWith(`${largeLabel}/`)).map(([, cost]) => cost);
    return largeLabel ? [section, queryPlans(largeLabel, plans)] : [section];
  });
  if (sized.length === 2) await attempt('Scale', () => measureScale(worker.url, sized[0]!, sized[1]!));
}

function labelOf(network: ScaleNetwork): string {
  const n = network.spec.initiatives;
  return n >= 1000 ? `${n / 1000}k initiatives` : `${n} initiatives`;
}

/** The commit measured, and whether the working tree differed from it. */
function revision(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--', 'worker', 'widget', 'sdk', 'wrangler.toml') !== '';
  return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in worker/, widget/ or sdk/' : ''}`;
}

function header(seconds: number): string {
  const cpu = cpus();
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts); do not edit by hand. Each row states its target.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${revision()}`,
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
    `- Node ${process.version}; the bench took ${seconds.toFixed(0)} s`,
    '- Absolute times are from a small, shared machine: compare the ratios within one run.',
  ].join('\n');
}

async function main(): Promise<number> {
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'buurtplein-bench-'));
  try {
    let widget: BuiltFile[] = [];
    let floor: BuiltFile[] = [];
    if (only !== 'api') await attempt('Bytes', async () => {
      buildWidgetWithNpm();
      [widget, floor] = await Promise.all([buildWidget(), buildFloor()]);
      return measureBytes(widget, floor);
    });
    writePublicDir(join(tmp, 'public'), widget, floor);
    const worker = await startBenchWorker(bundleWorker(join(tmp, 'worker')), join(tmp, 'public'));
    try {
      if (only !== 'api') await attempt('Host page', async () => {
        if (widget.length === 0) throw new Error('not measured: the widget did not build (see Bytes)');
        return measureHostPage(worker.url);
      });
      if (only !== 'host') await apiMeasurements(worker);
    } finally {
      await worker.dispose();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  if (only !== undefined) return 0;
  const failures = sections.flatMap((s) => s.failures);
  const markdown = [header(seconds), ...sections.map(toMarkdown)];
  markdown.push(failures.length === 0 ? '**All byte budgets met.**' : `**Failed:**\n\n${failures.map((f) => `- ${f}`).join('\n')}`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), `${markdown.join('\n\n')}\n`);
  console.log(`\nWrote docs/benchmarks.md in ${seconds.toFixed(0)} s.`);
  if (failures.length > 0) console.error(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
