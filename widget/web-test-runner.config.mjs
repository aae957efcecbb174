import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';

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
      // The installed Chrome or Chromium the end-to-end tests use too (none is downloaded); CHROME_PATH overrides.
      launchOptions: { executablePath: findChrome(), args: CHROME_ARGS },
    }),
  ],
};
