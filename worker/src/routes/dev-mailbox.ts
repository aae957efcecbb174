import { Hono } from 'hono';
import { html } from 'hono/html';
import { listDevMail } from '../data/dev-mailbox.js';
import { isDevelopment, type AppEnv } from '../env.js';
import { ApiError } from '../http/api-error.js';

/**
 * `/dev/mailbox`: the mail the local server would have sent, newest first; JSON when asked
 * with `Accept: application/json`. Exists only in development; everything in it is escaped.
 */
export const devMailboxRoutes = new Hono<AppEnv>().get('/', async (c) => {
  if (!isDevelopment(c.env)) throw new ApiError('not-found', 'Er is niets op /dev/mailbox.');
  const mails = await listDevMail(c.get('db'));
  if (c.req.header('Accept')?.includes('application/json')) {
    return c.json(
      mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString() })),
      200,
    );
  }
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  return c.html(
    html`<!doctype html>
      <html lang="nl">
        <head>
          <meta charset="utf-8" />
          <title>Dev-postvak · Buurtplein</title>
          <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
            article { border-top: 1px solid #ccc; padding: 1rem 0; }
            pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.75rem; }
          </style>
        </head>
        <body>
          <h1>Dev-postvak</h1>
          <p>Uitgaande e-mail van de lokale server (${mails.length}), nieuwste eerst.</p>
          ${mails.map(
            (m) => html`<article>
              <h2>${m.subject}</h2>
              <p>Aan: ${m.to} · ${m.createdAt.toISOString()}</p>
              <pre>${m.text}</pre>
            </article>`,
          )}
        </body>
      </html>`,
    200,
  );
});
