// Runs the bundled worker on Miniflare directly (no wrangler dev proxy), with a fresh D1.
import { dirname, join } from 'node:path';
import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { seedDemoData } from '../../worker/src/db/seed.js';
import { freePort } from '../local-server.js';
import { applyMigrations } from './migrations.js';
import type { WorkerConfig } from './worker-bundle.js';

/** A running worker under test. */
export interface BenchWorker {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The worker's own D1 database, reachable from Node. */
  db: D1Database;
  dispose(): Promise<void>;
}

/**
 * Starts the worker in production mode on a free loopback port, migrated and seeded with the demo data,
 * with `assetsDir` as its static assets (the API runs first, as in wrangler.toml).
 * Its D1 state lives beside the bundle, so removing the bundle's directory removes it too.
 */
export async function startBenchWorker(worker: WorkerConfig, assetsDir: string): Promise<BenchWorker> {
  const port = await freePort();
  const root = dirname(worker.scriptPath);
  // Miniflare 5 takes a new options shape; the converter accepts the documented v4 one.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      // Module names and the state directory resolve against this root; workerd refuses paths outside it.
      rootPath: root,
      host: '127.0.0.1',
      port,
      logRequests: false,
      modules: true,
      scriptPath: worker.scriptPath,
      compatibilityDate: worker.compatibilityDate,
      compatibilityFlags: worker.compatibilityFlags,
      d1Databases: ['DB'],
      resourcePersistencePath: join(root, 'state'),
      bindings: { ENVIRONMENT: 'production' },
      assets: {
        directory: assetsDir,
        binding: 'ASSETS',
        run_worker_first: worker.runWorkerFirst,
        routerConfig: { has_user_worker: true },
      },
    }),
  );
  const url = (await mf.ready).origin;
  const db = (await mf.getD1Database('DB')) as unknown as D1Database;
  await applyMigrations(db);
  await seedDemoData(db);
  return { url, db, dispose: () => mf.dispose() };
}
