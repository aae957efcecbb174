import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// The tests drive an installed Chrome or Chromium (none is downloaded); CHROME_PATH overrides.
const executablePath =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'].find(
    (path) => existsSync(path),
  );

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: fileURLToPath(new URL('src/**/*.test.ts', import.meta.url)),
  nodeResolve: true,
  // Lazy chunks are compiled on first request: on a busy two-core machine that outlasts mocha's 2 s default.
  testFramework: { config: { timeout: 10_000 } },
  // Lit announces its dev mode in every test file; that is expected here, not news.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
