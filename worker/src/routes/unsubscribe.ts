import type { Unsubscribed } from '@buurtplein/sdk/contract';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { endFollows } from '../data/notifications.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { readUnsubscribeToken, type Unsubscribe } from '../outbound/unsubscribe-token.js';

async function verified(c: Context<AppEnv>): Promise<{ token: string; unsubscribe: Unsubscribe }> {
  const token = c.req.query('token');
  const unsubscribe = token ? await readUnsubscribeToken(c.env, token) : null;
  if (!token || !unsubscribe) throw new ApiError('invalid-token', 'Deze afmeldlink is niet geldig.');
  return { token, unsubscribe };
}

/** A small page of our own: nothing it loads, no script; the form posts back to this address only. */
function page(c: Context<AppEnv>, body: ReturnType<typeof html>, title: string): Response | Promise<Response> {
  c.header('Content-Security-Policy', "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
  c.header('Cache-Control', 'no-store');
  return c.html(
    html`<!doctype html>
      <html lang="nl">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title} · Buurtplein</title></head>
        <body>
          ${body}
        </body>
      </html>`,
    200,
  );
}

/**
 * `/v1/unsubscribe?token=…`: the signed link in every notification e-mail. GET only asks (mail
 * scanners and link previews open links, and must not unsubscribe anyone); the page's button
 * POSTs. Mail programs POST directly (RFC 8058 one-click: `List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click`). Using the link again is harmless.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { token, unsubscribe } = await verified(c);
    const digest = 'frequency' in unsubscribe.scope;
    const action = `?token=${encodeURIComponent(token)}`;
    return page(
      c,
      html`<h1>Afmelden?</h1>
        <p>
          ${digest ? 'U krijgt dan dit overzicht niet meer per e-mail.' : 'U volgt dit dan niet meer en krijgt er geen e-mail meer over.'}
          <span lang="en">${digest ? 'You will no longer get this digest by e-mail.' : 'You will stop following this and get no more e-mail about it.'}</span>
        </p>
        <form method="post" action="${action}">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">Afmelden <span lang="en">(Unsubscribe)</span></button>
        </form>`,
      'Afmelden',
    );
  })
  .post('/', async (c) => {
    const { unsubscribe } = await verified(c);
    const ended = await endFollows(c.get('db'), unsubscribe.networkId, unsubscribe.userId, unsubscribe.scope);
    const body: Unsubscribed = { scope: 'frequency' in unsubscribe.scope ? 'digest' : 'follow', ended };
    if (!c.req.header('Accept')?.includes('text/html')) return c.json(body, 200);
    return page(
      c,
      html`<h1>U bent afgemeld</h1>
        <p>U krijgt hierover geen e-mail meer van Buurtplein. <span lang="en">You have been unsubscribed.</span></p>`,
      'Afgemeld',
    );
  });
