import { EmailCodeRequest, EmailVerifyRequest, type EmailCodeSent } from '@buurtplein/sdk/contract';
import { Hono } from 'hono';
import { authorize } from '../../auth/authorize.js';
import { grantRoleByEmailDomain } from '../../auth/domain-role.js';
import { hmac, randomDigits, sameDigest } from '../../auth/hashing.js';
import { siteResource } from '../../auth/permissions.js';
import { startSession } from '../../auth/session.js';
import { consumeCode, countCodeAttempt, createEmailCode, findOpenCode, recentCodes } from '../../data/email-codes.js';
import { signInIdentity } from '../../data/identities.js';
import { newId } from '../../db/ids.js';
import { emailSender } from '../../email/email-sender.js';
import { signInCodeMessage } from '../../email/messages.js';
import { serverSecret, type AppEnv } from '../../env.js';
import { ApiError } from '../../http/api-error.js';
import { commitWrite } from '../../http/commit-write.js';
import { clientIp, enforceRateLimit } from '../../http/rate-limit.js';
import { requireTurnstile } from '../../http/turnstile-check.js';
import { parseInput } from '../../http/validate.js';

/** How long a code works. */
export const CODE_LIFETIME_MINUTES = 10;
/** Wrong tries before a code locks. */
export const CODE_MAX_ATTEMPTS = 5;
/** Codes one address may get per hour in a network. */
export const CODES_PER_ADDRESS_PER_HOUR = 5;

const HOUR = 60 * 60 * 1000;

/** `/v1/sites/:site/auth/email`: sign in with a one-time code sent by e-mail. */
export const emailRoutes = new Hono<AppEnv>()
  .post('/start', async (c) => {
    const site = c.get('site');
    authorize(c, 'session.create', siteResource(site));
    await enforceRateLimit(c, 'IP_AUTH_LIMIT', `ip:${clientIp(c)}`);
    const { email } = parseInput(EmailCodeRequest, c.get('body'));
    await requireTurnstile(c);
    const sender = emailSender(c.env);
    const secret = serverSecret(c.env, 'CODE_SECRET');
    const db = c.get('db');
    const now = new Date();
    const emailHash = await hmac(secret, `email:${email}`);

    const recent = await recentCodes(db, site.networkId, emailHash, new Date(now.getTime() - HOUR));
    if (recent.count >= CODES_PER_ADDRESS_PER_HOUR && recent.oldest) {
      const retryAfter = Math.max(1, Math.ceil((recent.oldest.getTime() + HOUR - now.getTime()) / 1000));
      throw new ApiError('rate-limited', 'Er zijn het afgelopen uur te veel codes naar dit adres gestuurd.', { 'Retry-After': String(retryAfter) });
    }

    const id = newId(now.getTime());
    const code = randomDigits(6);
    const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MINUTES * 60 * 1000);
    const codeHash = await hmac(secret, `code:${id}:${code}`);
    const statements = createEmailCode(db, { networkId: site.networkId, siteKey: site.key, emailHash }, { id, codeHash, expiresAt }, now);
    const result: EmailCodeSent = { expiresAt: expiresAt.toISOString() };
    // A code is nobody else's business: cached reads stay as they are.
    return commitWrite(c, { statements, result, publicContent: false }, 202, () => sender.send(signInCodeMessage(site, email, code, CODE_LIFETIME_MINUTES)));
  })
  .post('/verify', async (c) => {
    const site = c.get('site');
    authorize(c, 'session.create', siteResource(site));
    await enforceRateLimit(c, 'IP_AUTH_LIMIT', `ip:${clientIp(c)}`);
    const { email, code } = parseInput(EmailVerifyRequest, c.get('body'));
    const secret = serverSecret(c.env, 'CODE_SECRET');
    const db = c.get('db');
    const address = { networkId: site.networkId, siteKey: site.key, emailHash: await hmac(secret, `email:${email}`) };

    const open = await findOpenCode(db, address);
    if (!open) throw new ApiError('code-invalid', 'Deze code klopt niet; vraag een nieuwe code aan.');
    if (open.expiresAt.getTime() <= Date.now()) throw new ApiError('code-expired', 'Deze code is verlopen; vraag een nieuwe code aan.');
    if (!(await countCodeAttempt(db, site.networkId, open.id, CODE_MAX_ATTEMPTS))) {
      throw new ApiError('code-locked', 'Deze code is te vaak fout ingevuld; vraag een nieuwe code aan.');
    }
    if (!sameDigest(await hmac(secret, `code:${open.id}:${code}`), open.codeHash)) {
      const left = CODE_MAX_ATTEMPTS - open.attempts - 1;
      throw new ApiError('code-invalid', left > 0 ? `Deze code klopt niet; nog ${left} pogingen.` : 'Deze code klopt niet; vraag een nieuwe code aan.');
    }
    if (!(await consumeCode(db, site.networkId, open.id))) throw new ApiError('code-invalid', 'Deze code is al gebruikt; vraag een nieuwe code aan.');

    const userId = await signInIdentity(db, site.networkId, { provider: 'email', subject: email }, { email });
    await grantRoleByEmailDomain(db, site.networkId, userId, email);
    return c.json(await startSession(db, c.env, site, userId), 200);
  });
