// The server of Woonstichting Voorbeeld, the example housing corporation: its own website with
// its own login ("Mijn Woonstichting"), which signs tenants in to Buurtplein by SSO, and a
// receiver for Buurtplein's webhooks. What a corporation's developers build, in one small file.
//
// `npm start` runs it next to the local worker. On its own:
//   BUURTPLEIN_URL=http://127.0.0.1:8787 PORT=8788 npx tsx examples/woonstichting-voorbeeld/server.ts
// Secrets: SSO_SECRET_WOONSTICHTING_VOORBEELD and WOONSTICHTING_WEBHOOK_SECRET (see .dev.vars).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { signSsoToken, verifyWebhook, WEBHOOK_SIGNATURE_HEADER, WebhookSignatureError } from '@buurtplein/sdk/server';
import type { WebhookEvent } from '@buurtplein/sdk/contract';

/** The corporation's site key in Buurtplein, and the id of its SSO key there. */
const SITE = 'woonstichting-voorbeeld';
const SSO_KID = 'dev';
const PAGE_DIR = import.meta.dirname;
const SESSION_COOKIE = 'mijn_woonstichting';

/** The demo tenants. `id` is the corporation's own tenant number: Buurtplein's `sub`. */
export const TENANTS = [
  { id: 'fatima', name: 'Fatima El Amrani', email: 'fatima@example.nl', address: 'Havenkade 14' },
  { id: 'mehmet', name: 'Mehmet Yilmaz', email: 'mehmet@example.nl', address: 'Havenkade 38' },
  { id: 'yara', name: 'Yara Mohamed', email: 'yara@example.nl', address: 'Havenkade 71' },
] as const;
type Tenant = (typeof TENANTS)[number];

export interface WoonstichtingOptions {
  /** 0 lets the system choose a free port (read it from the returned server's `address()`). */
  port: number;
  host?: string;
  /**
   * The Buurtplein origin the page loads the widget from, e.g. `http://127.0.0.1:8787`; read on
   * every request, so it may be set once Buurtplein runs (its seed needs this server's origin first).
   */
  buurtpleinUrl: string;
  /** The site's HS256 SSO secret (kid `dev`): signs tenants in. */
  ssoSecret: string;
  /** The webhook endpoint's signing secret: verifies deliveries. */
  webhookSecret: string;
}

/** A delivery the receiver accepted. */
export interface ReceivedWebhook {
  id: string;
  type: string;
  receivedAt: string;
}

/** What the receiver has seen; `GET /webhooks/log` answers it as JSON. */
export interface WebhookLog {
  received: ReceivedWebhook[];
  /** Deliveries of an event already processed: answered 200 and not processed again. */
  duplicates: number;
  /** Deliveries refused for a missing or wrong signature. */
  rejected: number;
  /** Deliveries answered 503 while the receiver was told to fail (verified, not processed). */
  failedOnPurpose: ReceivedWebhook[];
  failing: boolean;
}

interface Session {
  tenant: Tenant;
  since: string;
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The corporation page as the worker's static copy has it, with the root-relative addresses of
 * Buurtplein (script, first-view preload) pointing at the Buurtplein origin, as on a real site.
 */
function corporationPage(html: string, buurtpleinUrl: string): string {
  return html.replace(/(src|href)="\/(?!woonstichting-voorbeeld\/)([^"]*)"/g, (_, attribute: string, path: string) => `${attribute}="${buurtpleinUrl}/${path}"`);
}

function loginPage(error?: string): string {
  const choices = TENANTS.map(
    (t, i) => `<label><input type="radio" name="huurder" value="${t.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(t.name)}, ${escapeHtml(t.address)}</label>`,
  ).join('\n');
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen | Mijn Woonstichting</title>
<link rel="stylesheet" href="/woonstichting-voorbeeld/woonstichting.css"></head>
<body>
<main id="inhoud" class="wrap">
  <h1>Inloggen bij Mijn Woonstichting</h1>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
  <form method="post" action="/inloggen">
    <fieldset><legend>Demo-huurder (zonder wachtwoord: dit is een voorbeeld)</legend>
    ${choices}
    </fieldset>
    <button type="submit">Inloggen</button>
  </form>
  <p><a href="/woonstichting-voorbeeld/">Terug naar de Havenflat</a></p>
</main>
</body>
</html>`;
}

/** Starts the corporation's server; resolves once it listens. */
export async function startWoonstichtingServer(options: WoonstichtingOptions): Promise<Server> {
  const sessions = new Map<string, Session>();
  const log: WebhookLog = { received: [], duplicates: 0, rejected: 0, failedOnPurpose: [], failing: false };
  const processed = new Set<string>();

  const sessionOf = (req: IncomingMessage): Session | undefined => {
    const cookie = req.headers.cookie?.split(';').map((c) => c.trim().split('=')).find(([name]) => name === SESSION_COOKIE);
    return cookie?.[1] ? sessions.get(cookie[1]) : undefined;
  };

  /** Buurtplein's webhooks: verify the signature over the raw body, process each event once. */
  const receiveWebhook = async (req: IncomingMessage, res: ServerResponse) => {
    const payload = await readBody(req);
    let event: WebhookEvent;
    try {
      event = await verifyWebhook<WebhookEvent>({ payload, header: req.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string | undefined, secret: options.webhookSecret });
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      log.rejected += 1;
      return json(res, error.code === 'missing-signature' ? 400 : 401, { error: error.code });
    }
    if (log.failing) {
      log.failedOnPurpose.push({ id: event.id, type: event.type, receivedAt: new Date().toISOString() });
      return json(res, 503, { error: 'storing' });
    }
    // Buurtplein may deliver an event more than once (a retry after a lost answer): the id says.
    if (processed.has(event.id)) {
      log.duplicates += 1;
      return json(res, 200, { duplicate: true });
    }
    processed.add(event.id);
    log.received.push({ id: event.id, type: event.type, receivedAt: new Date().toISOString() });
    console.log(`[woonstichting] webhook ${event.type} ${event.id}`);
    return json(res, 200, { ok: true });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        res.writeHead(302, { Location: '/woonstichting-voorbeeld/' });
        return res.end();
      case 'GET /woonstichting-voorbeeld/': {
        const html = await readFile(join(PAGE_DIR, 'index.html'), 'utf8');
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store' });
        return res.end(corporationPage(html, options.buurtpleinUrl));
      }
      case 'GET /inloggen':
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html']! });
        return res.end(loginPage());
      case 'POST /inloggen': {
        const chosen = new URLSearchParams(await readBody(req)).get('huurder');
        const tenant = TENANTS.find((t) => t.id === chosen);
        if (!tenant) {
          res.writeHead(400, { 'Content-Type': CONTENT_TYPES['.html']! });
          return res.end(loginPage('Kies een huurder.'));
        }
        const id = randomBytes(24).toString('base64url');
        sessions.set(id, { tenant, since: new Date().toISOString() });
        res.writeHead(303, { Location: '/woonstichting-voorbeeld/', 'Set-Cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` });
        return res.end();
      }
      case 'POST /uitloggen': {
        const id = req.headers.cookie?.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`))?.[1];
        if (id) sessions.delete(id);
        res.writeHead(204, { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
        return res.end();
      }
      case 'GET /api/sessie': {
        const session = sessionOf(req);
        return json(res, 200, session ? { huurder: { id: session.tenant.id, naam: session.tenant.name }, sinds: session.since } : { huurder: null });
      }
      case 'POST /api/buurtplein-token': {
        // The SSO hand-over: the server, never the browser, holds the secret and signs.
        const session = sessionOf(req);
        if (!session) return json(res, 401, { error: 'niet ingelogd' });
        const { tenant } = session;
        const token = await signSsoToken({ site: SITE, kid: SSO_KID, secret: options.ssoSecret, sub: tenant.id, name: tenant.name, email: tenant.email });
        return json(res, 200, { token });
      }
      case 'POST /webhooks':
        return receiveWebhook(req, res);
      case 'GET /webhooks/log':
        return json(res, 200, log);
      case 'PUT /webhooks/outage': {
        // For trying retries and the dead-letter queue: `{ "failing": true }` answers 503 to every delivery.
        const body = JSON.parse((await readBody(req)) || '{}') as { failing?: unknown };
        log.failing = body.failing === true;
        return json(res, 200, { failing: log.failing });
      }
    }
    if (req.method === 'GET' && url.pathname.startsWith('/woonstichting-voorbeeld/')) {
      const file = normalize(join(PAGE_DIR, url.pathname.slice('/woonstichting-voorbeeld/'.length)));
      const type = CONTENT_TYPES[extname(file)];
      if (file.startsWith(PAGE_DIR) && type && !file.endsWith('.ts')) {
        try {
          const content = await readFile(file);
          res.writeHead(200, { 'Content-Type': type });
          return res.end(content);
        } catch {
          // Not there: 404 below.
        }
      }
    }
    if (req.method === 'GET' && url.pathname.startsWith('/plugins/')) {
      // The example plugins are Buurtplein's examples (built by the local worker), not the corporation's own files.
      res.writeHead(302, { Location: `${options.buurtpleinUrl}${url.pathname}` });
      return res.end();
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Niet gevonden');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[woonstichting]', error);
      if (!res.headersSent) json(res, 500, { error: 'serverfout' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return server;
}

// Run on its own: `npx tsx examples/woonstichting-voorbeeld/server.ts`.
if (import.meta.filename === process.argv[1]) {
  const { readDevVars } = await import('../../scripts/local-server.js');
  const vars = readDevVars();
  const port = Number(process.env.PORT ?? 8788);
  await startWoonstichtingServer({
    port,
    buurtpleinUrl: process.env.BUURTPLEIN_URL ?? 'http://127.0.0.1:8787',
    ssoSecret: process.env.SSO_SECRET_WOONSTICHTING_VOORBEELD ?? vars.get('SSO_SECRET_WOONSTICHTING_VOORBEELD') ?? '',
    webhookSecret: process.env.WOONSTICHTING_WEBHOOK_SECRET ?? vars.get('WOONSTICHTING_WEBHOOK_SECRET') ?? '',
  });
  console.log(`Woonstichting Voorbeeld draait op http://127.0.0.1:${port}/`);
}
