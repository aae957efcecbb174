import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../test/api.js';
import { app } from '../app.js';
import { database } from '../data/database.js';
import { storeDevMail } from '../data/dev-mailbox.js';

const development = { ...env, ENVIRONMENT: 'development' };

describe('GET /dev/mailbox', () => {
  it('does not exist outside development', async () => {
    await expectProblem(await api('/dev/mailbox'), 404, 'not-found');
  });

  it('shows outgoing mail in development, with every value escaped', async () => {
    await storeDevMail(database(env.DB), {
      networkId: 'voorbeeldstad',
      to: 'fatima@example.nl',
      subject: '<script>alert("onderwerp")</script>',
      text: 'Uw code: 123456 <img src=x onerror=alert(1)>',
    });
    const res = await app.request('/dev/mailbox', {}, development);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('&lt;script&gt;alert(&quot;onderwerp&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
  });

  it('lists the mail as JSON when asked, so end-to-end tests can read a code', async () => {
    const res = await app.request('/dev/mailbox', { headers: { Accept: 'application/json' } }, development);
    const mails = (await res.json()) as { to: string; text: string }[];
    expect(mails.some((m) => m.to === 'fatima@example.nl' && m.text.includes('123456'))).toBe(true);
  });
});
