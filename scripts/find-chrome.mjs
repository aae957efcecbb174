// Finds a local Chrome or Chromium for the browser tests; CHROME_PATH overrides.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Flags for headless Chromium on a CI machine or a developer's laptop, root or not. */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The path of the browser to launch, or an error that says how to provide one. */
export function findChrome() {
  const path = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error('No Chrome or Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  }
  return path;
}
