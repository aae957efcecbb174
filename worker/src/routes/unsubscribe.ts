import type { Unsubscribed } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { endFollows } from '../data/notifications.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { readUnsubscribeToken } from '../outbound/unsubscribe-token.js';

async function unsubscribe(c: Context<AppEnv>, token: string | undefined): Promise<Response> {
  const found = token ? await readUnsubscribeToken(c.env, token) : null;
  if (!found) throw new ApiError('invalid-token', 'Deze afmeldlink is niet geldig.');
  const ended = await endFollows(c.get('db'), found.networkId, found.userId, found.scope);
  const body: Unsubscribed = { scope: 'frequency' in found.scope ? 'digest' : 'follow', ended };
  if (!c.req.header('Accept')?.includes('text/html')) return c.json(body, 200);
  c.header('Content-Security-Policy', "default-src 'none'");
  return c.html(
    html`<!doctype html>
      <html lang="nl">
        <head><meta charset="utf-8" /><title>Afgemeld · Buurtplein</title></head>
        <body>
          <h1>U bent afgemeld</h1>
          <p>U krijgt hierover geen e-mail meer van Buurtplein. <span lang="en">You have been unsubscribed.</span></p>
        </body>
      </html>`,
    200,
  );
}

/**
 * `/v1/unsubscribe?token=…`: the signed one-click link in every notification e-mail. GET for the
 * link, POST for mail programs (RFC 8058 `List-Unsubscribe-Post`). Using it twice is harmless.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/', (c) => unsubscribe(c, c.req.query('token')))
  .post('/', (c) => unsubscribe(c, c.req.query('token')));
