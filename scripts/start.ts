// `npm start`: the product on this machine — API, widget and example host pages on one origin —
// and next to it the example housing corporation's own server (its login signs tenants in to
// Buurtplein by SSO; it receives the site's webhooks).
// PORT (default 8787), WOONSTICHTING_PORT (default 8788) and BUURTPLEIN_STATE (default .wrangler/state) are configurable.
import { join } from 'node:path';
import { startWoonstichtingServer } from '../examples/woonstichting-voorbeeld/server.js';
import { ROOT, buildPublic, corporationSecrets, ensureDevVars, prepareDatabase, startWranglerDev, stopServer, waitForHealth } from './local-server.js';

const port = Number(process.env.PORT ?? 8787);
const corporationPort = Number(process.env.WOONSTICHTING_PORT ?? 8788);
const persistTo = process.env.BUURTPLEIN_STATE ?? join(ROOT, '.wrangler/state');
const baseUrl = `http://127.0.0.1:${port}`;
const corporationUrl = `http://127.0.0.1:${corporationPort}`;

buildPublic();
ensureDevVars();
// The corporation's server listens first: its origin goes into the seed, and no process started
// after it can take its port meanwhile. It reads Buurtplein's URL per request, once that runs.
await startWoonstichtingServer({ port: corporationPort, buurtpleinUrl: baseUrl, ...corporationSecrets() }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Poort ${corporationPort} is bezet; kies een andere met WOONSTICHTING_PORT=….`);
  process.exit(1);
});
await prepareDatabase(persistTo, { corporation: { origin: corporationUrl } });
const server = await startWranglerDev({ port, persistTo });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopServer(server);
    process.exit(0);
  });
}
server.on('exit', (code) => process.exit(code ?? 0));
await waitForHealth(baseUrl);
console.log(`\nBuurtplein draait op ${baseUrl}/  (voorbeelden: ${baseUrl}/gemeente-voorbeeldstad/ en ${baseUrl}/woonstichting-voorbeeld/)`);
console.log(`Woonstichting Voorbeeld met eigen login en webhook-ontvanger: ${corporationUrl}/  (webhooks: ${corporationUrl}/webhooks/log)\n`);
