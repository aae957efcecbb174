/**
 * Lists the initiatives of a site that ask for help, with what they need, through the SDK.
 *
 *   npx tsx examples/node-needs-help/list-needs-help.ts http://127.0.0.1:8787 gemeente-voorbeeldstad
 *
 * A professional's morning overview: every page is fetched as the loop reaches it.
 */
import { BuurtError, createClient } from '@buurtplein/sdk';

const [baseUrl = 'http://127.0.0.1:8787', site = 'gemeente-voorbeeldstad', neighbourhood] = process.argv.slice(2);
const client = createClient({ site, baseUrl });

try {
  const { name } = await client.sites.get();
  console.log(`Initiatieven die hulp zoeken op ${name}:\n`);
  let count = 0;
  for await (const initiative of client.initiatives.all({ needs: 'any', neighbourhood, limit: 50 })) {
    count += 1;
    console.log(`- ${initiative.title} (${initiative.neighbourhood.name}, ${initiative.status})`);
    console.log(`  zoekt: ${initiative.needs.join(', ')} · ${initiative.supporterCount} steunbetuigingen`);
  }
  console.log(`\n${count} initiatieven.`);
} catch (error) {
  if (!(error instanceof BuurtError)) throw error;
  console.error(`${error.code}: ${error.message}${error.requestId ? ` (aanvraag ${error.requestId})` : ''}`);
  process.exitCode = 1;
}
