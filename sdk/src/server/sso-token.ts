import type { SSO_AUDIENCE, SSO_TOKEN_MAX_LIFETIME } from '../contract/auth.js';
import { base64url, hmacKey, utf8 } from './encoding.js';

// The contract's values, typed to be equal to them: importing the contract at runtime would
// bundle zod (~90 KB gzip) into every host server that signs a token.
const AUDIENCE: typeof SSO_AUDIENCE = 'buurtplein';
const MAX_LIFETIME: typeof SSO_TOKEN_MAX_LIFETIME = 600;

/** What a host's server knows about the resident it signs in. */
interface SsoTokenBase {
  /** The site key (`data-site`); becomes the token's `iss`. */
  site: string;
  /** The id of the site key in Buurtplein, so keys can rotate. */
  kid: string;
  /** The host's stable id for the resident; never an e-mail address that may change. */
  sub: string;
  /** The display name other residents see. */
  name: string;
  email?: string;
  /** Lifetime in seconds, at most 600 (the API refuses longer); 300 by default. */
  ttlSeconds?: number;
  /** The signing time; now by default. */
  now?: Date;
}

/** Sign with the site's HS256 secret, or its ES256 private key (a JWK or a WebCrypto key). */
export type SignSsoTokenOptions = SsoTokenBase & ({ secret: string | Uint8Array; privateKey?: never } | { privateKey: JsonWebKey | CryptoKey; secret?: never });

async function signature(options: SignSsoTokenOptions, input: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  if (options.secret !== undefined) return crypto.subtle.sign('HMAC', await hmacKey(options.secret, 'sign'), input);
  const key =
    options.privateKey instanceof CryptoKey
      ? options.privateKey
      : await crypto.subtle.importKey('jwk', options.privateKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  // WebCrypto answers ECDSA as r‖s, which is exactly the JWS form of ES256.
  return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, input);
}

/**
 * Signs a short-lived, single-use SSO token on the host's server, for `client.auth.sso(token)`
 * (or the embed's `login(token)`) in the browser. WebCrypto only: runs on Node ≥ 22 and Workers.
 *
 * @example
 * const token = await signSsoToken({ site: 'woonstichting-voorbeeld', kid: 'dev', secret: process.env.BUURTPLEIN_SSO_SECRET!, sub: user.id, name: user.firstName });
 */
export async function signSsoToken(options: SignSsoTokenOptions): Promise<string> {
  const ttl = options.ttlSeconds ?? 300;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_LIFETIME) {
    throw new RangeError(`ttlSeconds must be a whole number from 1 to ${MAX_LIFETIME}`);
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const header = { alg: options.secret !== undefined ? 'HS256' : 'ES256', typ: 'JWT', kid: options.kid };
  const claims = {
    iss: options.site,
    aud: AUDIENCE,
    sub: options.sub,
    name: options.name,
    ...(options.email !== undefined ? { email: options.email } : {}),
    iat,
    exp: iat + ttl,
    jti: crypto.randomUUID(),
  };
  const input = `${base64url(utf8(JSON.stringify(header)))}.${base64url(utf8(JSON.stringify(claims)))}`;
  return `${input}.${base64url(await signature(options, utf8(input)))}`;
}
