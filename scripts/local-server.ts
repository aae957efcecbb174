// Runs the product locally the way `npm start` does: build, assemble static files, migrate,
// seed, then `wrangler dev`. The end-to-end tests start it the same way on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
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
  // The console page (/console/), which loads /buurtplein-console.js.
  cpSync(join(ROOT, 'widget/console'), join(PUBLIC_DIR, 'console'), { recursive: true });
  // The React example (/react-host/), which Vite builds against the widget's React components.
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'examples/react-host', '--outDir', join(PUBLIC_DIR, 'react-host'), '--logLevel', 'warn']);
}

/** Creates `.dev.vars` (dev-only secrets) from the committed example when it is missing. */
export function ensureDevVars(): void {
  const target = join(ROOT, '.dev.vars');
  const example = join(ROOT, '.dev.vars.example');
  if (!existsSync(target) && existsSync(example)) copyFileSync(example, target);
}

/** Applies the D1 migrations to the local database in `persistTo` and seeds the demo data (idempotent). */
export async function prepareDatabase(persistTo: string): Promise<void> {
  run(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
  });
  try {
    await seedDemoData(proxy.env.DB);
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
