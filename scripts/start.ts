// `npm start`: the product on this machine — API, widget and example host pages on one origin.
// PORT (default 8787) and BUURTPLEIN_STATE (default .wrangler/state) are configurable.
import { join } from 'node:path';
import { ROOT, buildPublic, ensureDevVars, prepareDatabase, startWranglerDev, stopServer, waitForHealth } from './local-server.js';

const port = Number(process.env.PORT ?? 8787);
const persistTo = process.env.BUURTPLEIN_STATE ?? join(ROOT, '.wrangler/state');
const baseUrl = `http://127.0.0.1:${port}`;

buildPublic();
ensureDevVars();
await prepareDatabase(persistTo);
const server = await startWranglerDev({ port, persistTo });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopServer(server);
    process.exit(0);
  });
}
server.on('exit', (code) => process.exit(code ?? 0));
await waitForHealth(baseUrl);
console.log(`\nBuurtplein draait op ${baseUrl}/  (voorbeelden: ${baseUrl}/gemeente-voorbeeldstad/ en ${baseUrl}/woonstichting-voorbeeld/)\n`);
