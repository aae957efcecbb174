// Starts the product as `npm start` does, on a free port with its own database, for end-to-end tests.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startWoonstichtingServer } from '../woonstichting-voorbeeld/server.js';
import { buildPublic, corporationSecrets, ensureDevVars, freePort, prepareDatabase, startWranglerDev, stopServer, waitForHealth } from '../../scripts/local-server.js';

export interface LocalWorker {
  baseUrl: string;
  /** The worker's local state (D1 and the rest), for `wrangler d1 execute --local --persist-to`. */
  persistTo: string;
  /** The corporation example's own server, when asked for (`withCorporation`). */
  corporationUrl?: string;
  stop(): Promise<void>;
}

/**
 * Runs the local worker with freshly migrated and seeded state. The widget must be built already.
 * `withCorporation` also runs the example corporation's server (own login, webhook receiver), as
 * `npm start` does.
 */
export async function startLocalWorker(options: { withCorporation?: boolean } = {}): Promise<LocalWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'buurtplein-e2e-'));
  buildPublic({ build: false });
  ensureDevVars();
  // The corporation's server listens before anything else starts: a port only chosen here and bound
  // later could be taken meanwhile by one of the processes wrangler starts. The seed needs its origin;
  // it needs Buurtplein's, set once the worker runs.
  const corporationOptions = { port: 0, buurtpleinUrl: '', ...corporationSecrets() };
  const corporation: Server | undefined = options.withCorporation ? await startWoonstichtingServer(corporationOptions) : undefined;
  const corporationUrl = corporation ? `http://127.0.0.1:${(corporation.address() as AddressInfo).port}` : undefined;
  const closeCorporation = () => {
    corporation?.closeAllConnections();
    corporation?.close();
  };
  let server: ChildProcess;
  let baseUrl: string;
  try {
    await prepareDatabase(persistTo, corporationUrl ? { corporation: { origin: corporationUrl } } : {});
    const port = await freePort();
    server = await startWranglerDev({ port, persistTo, stdio: 'inherit' });
    baseUrl = `http://127.0.0.1:${port}`;
    corporationOptions.buurtpleinUrl = baseUrl;
  } catch (error) {
    closeCorporation();
    throw error;
  }
  try {
    await waitForHealth(baseUrl);
  } catch (error) {
    closeCorporation();
    stopServer(server);
    throw error;
  }
  return {
    baseUrl,
    persistTo,
    corporationUrl,
    async stop() {
      closeCorporation();
      stopServer(server);
      await new Promise((r) => setTimeout(r, 300));
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

/** Launches the local Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
}

/**
 * Starts the local worker and Chromium before a test file's tests and stops both after them;
 * `ready` receives them once started.
 */
export function useLocalWorker(ready: (worker: LocalWorker, browser: Browser) => void): void {
  let worker: LocalWorker | undefined;
  let browser: Browser | undefined;
  before(async () => {
    worker = await startLocalWorker();
    browser = await launchBrowser();
    ready(worker, browser);
  });
  after(async () => {
    await browser?.close();
    await worker?.stop();
  });
}
