// `npm run screenshots`: pictures of the example host pages for the README, made from the real
// product (local worker, seeded data, headless Chromium). Writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startLocalWorker } from '../examples/tests/local-worker.js';
import { ROOT } from './local-server.js';

const pages = [
  { name: 'gemeente-voorbeeldstad', path: '/gemeente-voorbeeldstad/' },
  { name: 'woonstichting-voorbeeld', path: '/woonstichting-voorbeeld/' },
];

const outDir = join(ROOT, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const worker = await startLocalWorker();
const browser = await launchBrowser();
try {
  for (const { name, path } of pages) {
    for (const [suffix, width] of [['', 1280], ['-mobiel', 390]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      await page.goto(worker.baseUrl + path);
      await page.locator('buurt-initiatives [part~="card"]').first().waitFor();
      const file = join(outDir, `${name}${suffix}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await worker.stop();
}
