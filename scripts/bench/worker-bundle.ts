// Bundles the worker exactly as a deploy would, so the bench measures the shipped code.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../local-server.js';

/** What Miniflare needs from wrangler.toml to run the bundle like production. */
export interface WorkerConfig {
  scriptPath: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** Paths the worker answers before the static assets (wrangler.toml `assets.run_worker_first`). */
  runWorkerFirst: string[] | boolean;
}

/** Environment for wrangler: no telemetry, no look-ups on the network. */
export const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

/** Runs `wrangler deploy --dry-run` into `outDir` and returns the bundle with its runtime settings. */
export function bundleWorker(outDir: string): WorkerConfig {
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
  // wrangler checks that the assets directory exists even on a dry run.
  if (config.assets?.directory) mkdirSync(config.assets.directory, { recursive: true });
  const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  const result = spawnSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: ROOT,
    env: { ...wranglerEnv, WRANGLER_LOG: 'error' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stderr}`);
  return {
    scriptPath: join(outDir, 'index.js'),
    compatibilityDate: config.compatibility_date ?? '2026-08-01',
    compatibilityFlags: config.compatibility_flags,
    runWorkerFirst: config.assets?.run_worker_first ?? false,
  };
}
