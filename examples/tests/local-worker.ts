// Starts the product as `npm start` does, on a free port with its own database, for end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startWoonstichtingServer } from '../woonstichting-voorbeeld/server.js';
import { buildPublic, ensureDevVars, freePort, prepareDatabase, readDevVars, startWranglerDev, stopServer, waitForHealth } from '../../scripts/local-server.js';

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
  const corporationPort = options.withCorporation ? await freePort() : undefined;
  const corporationUrl = corporationPort ? `http://127.0.0.1:${corporationPort}` : undefined;
  await prepareDatabase(persistTo, corporationUrl ? { corporation: { origin: corporationUrl } } : {});
  const port = await freePort();
  const server = await startWranglerDev({ port, persistTo, stdio: 'inherit' });
  const baseUrl = `http://127.0.0.1:${port}`;
  let corporation: Server | undefined;
  try {
    await waitForHealth(baseUrl);
    if (corporationPort) {
      const vars = readDevVars();
      corporation = await startWoonstichtingServer({
        port: corporationPort,
        buurtpleinUrl: baseUrl,
        ssoSecret: vars.get('SSO_SECRET_WOONSTICHTING_VOORBEELD') ?? '',
        webhookSecret: vars.get('WOONSTICHTING_WEBHOOK_SECRET') ?? '',
      });
    }
  } catch (error) {
    stopServer(server);
    throw error;
  }
  return {
    baseUrl,
    persistTo,
    corporationUrl,
    async stop() {
      corporation?.closeAllConnections();
      corporation?.close();
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
