// Starts the product as `npm start` does, on a free port with its own database, for end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { buildPublic, ensureDevVars, freePort, prepareDatabase, startWranglerDev, stopServer, waitForHealth } from '../../scripts/local-server.js';

export interface LocalWorker {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Runs the local worker with freshly migrated and seeded state. The widget must be built already. */
export async function startLocalWorker(): Promise<LocalWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'buurtplein-e2e-'));
  buildPublic({ build: false });
  ensureDevVars();
  await prepareDatabase(persistTo);
  const port = await freePort();
  const server = await startWranglerDev({ port, persistTo, stdio: 'inherit' });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl);
  } catch (error) {
    stopServer(server);
    throw error;
  }
  return {
    baseUrl,
    async stop() {
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
