import { z } from 'zod';
import { Timestamp } from './common.js';
import { DisplayName, Me } from './me.js';

/** How long a host-signed SSO token may live: `exp` at most this many seconds after `iat`. */
export const SSO_TOKEN_MAX_LIFETIME = 600;

/** The audience every host-signed SSO token names. */
export const SSO_AUDIENCE = 'buurtplein';

/**
 * The claims a host's server signs into an SSO token (HS256 or ES256, `kid` in the header).
 * `iss` is the site key. Any role claims are ignored: roles are granted inside Buurtplein.
 */
export const SsoTokenClaims = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  sub: z.string().min(1).max(255),
  name: DisplayName.optional(),
  email: z.email().max(254).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
  nbf: z.number().int().optional(),
  jti: z.string().min(1).max(128),
});
export type SsoTokenClaims = z.infer<typeof SsoTokenClaims>;

/** Body of `POST /v1/sites/:site/auth/sso`. */
export const SsoSignInRequest = z.strictObject({ token: z.string().min(1).max(4096) }).meta({ id: 'SsoSignInRequest' });
export type SsoSignInRequest = z.infer<typeof SsoSignInRequest>;

/** An e-mail address as typed; compared in lower case. */
export const EmailAddress = z.string().trim().max(254).pipe(z.email()).transform((e) => e.toLowerCase());

/** Body of `POST /v1/sites/:site/auth/email/start`. */
export const EmailCodeRequest = z
  .strictObject({
    email: EmailAddress,
    /** The Turnstile token, when the site's policy asks for one (also accepted as the `cf-turnstile-response` header). */
    'cf-turnstile-response': z.string().max(2048).optional(),
  })
  .meta({ id: 'EmailCodeRequest' });
export type EmailCodeRequest = z.input<typeof EmailCodeRequest>;

/** Answer of `auth/email/start`: the code is on its way and valid until `expiresAt`. */
export const EmailCodeSent = z.object({ expiresAt: Timestamp }).meta({ id: 'EmailCodeSent' });
export type EmailCodeSent = z.infer<typeof EmailCodeSent>;

/** Body of `POST /v1/sites/:site/auth/email/verify`. */
export const EmailVerifyRequest = z
  .strictObject({ email: EmailAddress, code: z.string().regex(/^\d{6}$/, 'zes cijfers') })
  .meta({ id: 'EmailVerifyRequest' });
export type EmailVerifyRequest = z.input<typeof EmailVerifyRequest>;

/** Body of `auth/refresh` and `auth/logout`. */
export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) }).meta({ id: 'RefreshRequest' });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/**
 * A signed-in session on one site: a short-lived access token to send as `Authorization: Bearer`,
 * and a single-use refresh token that `auth/refresh` swaps for a new pair.
 */
export const AuthSession = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: Timestamp,
    refreshToken: z.string(),
    refreshTokenExpiresAt: Timestamp,
    user: Me,
  })
  .meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof AuthSession>;
