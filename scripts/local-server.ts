// Runs the product locally the way `npm start` does: build, assemble static files, migrate,
// seed, then `wrangler dev`. The end-to-end tests start it the same way on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { getPlatformProxy } from 'wrangler';
import { seedDemoHost, type DemoHost } from '../worker/src/db/demo-host.js';
import { seedDemoData } from '../worker/src/db/seed.js';

export const ROOT = resolve(import.meta.dirname, '..');
const PUBLIC_DIR = join(ROOT, 'dist/public');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

/** Environment for wrangler: no telemetry, no look-ups on the network. */
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: wranglerEnv });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** Asks the system for a free TCP port on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Builds the widget and lays out what the worker serves as static assets: the widget and the example pages. */
export function buildPublic({ build = true } = {}): void {
  if (build) run('npm', ['run', 'build', '--silent', '-w', 'widget']);
  rmSync(PUBLIC_DIR, { recursive: true, force: true });
  mkdirSync(PUBLIC_DIR, { recursive: true });
  const exampleTests = join(ROOT, 'examples/tests');
  cpSync(join(ROOT, 'examples'), PUBLIC_DIR, { recursive: true, filter: (src) => !src.startsWith(exampleTests) && !src.endsWith('.ts') });
  cpSync(join(ROOT, 'widget/dist'), PUBLIC_DIR, { recursive: true });
  // The example plugins (examples/plugins/*.ts) as plain ES modules at /plugins/*.js, as a host would serve its own.
  const plugins = join(ROOT, 'examples/plugins');
  buildSync({
    entryPoints: readdirSync(plugins).filter((name) => name.endsWith('.ts')).map((name) => join(plugins, name)),
    outdir: join(PUBLIC_DIR, 'plugins'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  // The console page (/console/), which loads /buurtplein-console.js.
  cpSync(join(ROOT, 'widget/console'), join(PUBLIC_DIR, 'console'), { recursive: true });
  // Host pages on other origins load the elements module and its chunks as `type="module"`
  // scripts, which browsers fetch with CORS. Every static file here is public.
  appendFileSync(join(PUBLIC_DIR, '_headers'), '\n# Added by scripts/local-server.ts: the widget embeds from any origin.\n/*\n  Access-Control-Allow-Origin: *\n');
  // The React example (/react-host/), which Vite builds against the widget's React components.
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'examples/react-host', '--outDir', join(PUBLIC_DIR, 'react-host'), '--logLevel', 'warn']);
}

/** `KEY=value` lines of a `.dev.vars`-style file; comments and blank lines skipped. */
function parseVars(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars.set(match[1]!, match[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return vars;
}

/**
 * Creates `.dev.vars` (dev-only secrets) from the committed example when it is missing, and adds
 * what a newer example has that an older copy lacks; values already there are left alone.
 */
export function ensureDevVars(): void {
  const target = join(ROOT, '.dev.vars');
  const example = join(ROOT, '.dev.vars.example');
  if (!existsSync(example)) return;
  if (!existsSync(target)) {
    copyFileSync(example, target);
    return;
  }
  const present = parseVars(readFileSync(target, 'utf8'));
  const missing = [...parseVars(readFileSync(example, 'utf8'))].filter(([name]) => !present.has(name));
  if (missing.length > 0) appendFileSync(target, `\n# Added from .dev.vars.example\n${missing.map(([name, value]) => `${name}=${value}`).join('\n')}\n`);
}

/** The local worker's dev secrets (`.dev.vars`), which the example host servers share with it. */
export function readDevVars(): Map<string, string> {
  ensureDevVars();
  return parseVars(readFileSync(join(ROOT, '.dev.vars'), 'utf8'));
}

/** The example corporation's secrets from `.dev.vars`: the SSO secret it signs tenants in with, and its webhook secret. */
export function corporationSecrets(): { ssoSecret: string; webhookSecret: string } {
  const vars = readDevVars();
  return { ssoSecret: vars.get('SSO_SECRET_WOONSTICHTING_VOORBEELD') ?? '', webhookSecret: vars.get('WOONSTICHTING_WEBHOOK_SECRET') ?? '' };
}

/**
 * A config with only wrangler.toml's D1 database, for seeding. Given the whole config, the
 * platform proxy warns that the Durable Object and queues cannot run (they need the worker's
 * code, which `wrangler dev` has and the proxy has not).
 */
function databaseOnlyConfig(dir: string): string {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const setting = (name: string) => new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm').exec(toml)?.[1];
  const config = {
    name: 'buurtplein-seed',
    compatibility_date: setting('compatibility_date'),
    d1_databases: [{ binding: 'DB', database_name: setting('database_name'), database_id: setting('database_id') }],
  };
  const path = join(dir, 'seed.wrangler.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** The corporation example's server, as the local worker should know it: its origin and webhook receiver. */
export interface CorporationHost {
  origin: string;
}

/** The dev setup of the corporation example's server: allowed origin and webhook endpoint with the shared secret. */
function corporationHost(host: CorporationHost): DemoHost {
  const vars = readDevVars();
  const webhookSecret = vars.get('WOONSTICHTING_WEBHOOK_SECRET');
  const codeSecret = vars.get('CODE_SECRET');
  if (!webhookSecret || !codeSecret) throw new Error('.dev.vars lacks WOONSTICHTING_WEBHOOK_SECRET or CODE_SECRET');
  return { network: 'voorbeeldstad', siteKey: 'woonstichting-voorbeeld', origin: host.origin, webhookUrl: `${host.origin}/webhooks`, webhookSecret, codeSecret };
}

/**
 * Applies the D1 migrations to the local database in `persistTo` and seeds the demo data
 * (idempotent), and the corporation example's server when given. Seeding opens only the database
 * (not the whole worker config, whose Durable Object and queues cannot run without the worker).
 */
export async function prepareDatabase(persistTo: string, options: { corporation?: CorporationHost } = {}): Promise<void> {
  run(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: databaseOnlyConfig(persistTo),
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
  });
  try {
    await seedDemoData(proxy.env.DB);
    if (options.corporation) await seedDemoHost(proxy.env.DB, corporationHost(options.corporation));
  } finally {
    await proxy.dispose();
  }
}

export interface LocalServerOptions {
  port: number;
  persistTo: string;
  inspectorPort?: number;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}

/** Starts `wrangler dev` on 127.0.0.1 in development mode. */
export async function startWranglerDev(options: LocalServerOptions): Promise<ChildProcess> {
  const inspectorPort = options.inspectorPort ?? (await freePort());
  return spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      options.persistTo,
      '--var',
      'ENVIRONMENT:development',
      // Retries after 1, 2, 4, 8 and 16 s: a failing webhook receiver dead-letters in about half a minute.
      '--var',
      'OUTBOUND_RETRY_SECONDS:1',
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT, stdio: options.stdio ?? 'inherit', env: wranglerEnv, detached: process.platform !== 'win32' },
  );
}

/** Waits until the server answers `/v1/health`, or fails after `timeoutMs`. */
export async function waitForHealth(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${baseUrl} did not become healthy within ${timeoutMs} ms`);
}

/** Stops a server started by `startWranglerDev`, with its workerd children. */
export function stopServer(child: ChildProcess): void {
  if (child.exitCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
