import { SSO_AUDIENCE, SSO_TOKEN_MAX_LIFETIME, SsoTokenClaims } from '@buurtplein/sdk/contract';
import { decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import type { Database } from '../data/database.js';
import { findSiteKey, recordSsoTokenUse, type KeyedSite, type SiteKeyRecord } from '../data/site-keys.js';
import type { Env } from '../env.js';
import { ApiError } from '../http/api-error.js';
import { openSecret } from './secret-box.js';

/** Clock skew allowed between the host's server and ours, in seconds. */
const CLOCK_TOLERANCE = 30;
const SECRET_NAME = /^SSO_SECRET_[A-Z0-9_]+$/;
const MIN_SECRET_LENGTH = 32;

/** The worker secret that holds a site's dev SSO key: `SSO_SECRET_<SITE KEY IN UPPER SNAKE CASE>`. */
export function devSsoSecretName(siteKey: string): `SSO_SECRET_${string}` {
  return `SSO_SECRET_${siteKey.toUpperCase().replaceAll('-', '_')}`;
}

/** The key material of a site key: an HS256 secret (encrypted in D1, or from the worker's secrets), or an ES256 public key. */
async function keyMaterial(env: Env, site: KeyedSite, key: SiteKeyRecord): Promise<Uint8Array | CryptoKey | null> {
  if (key.alg === 'HS256' && key.encryptedSecret) {
    const secret = await openSecret(env, { siteKey: site.key, kid: key.kid }, key.encryptedSecret);
    return secret && secret.length >= MIN_SECRET_LENGTH ? new TextEncoder().encode(secret) : null;
  }
  if (key.alg === 'HS256') {
    // Only `SSO_SECRET_…` names, so a key row can never point at another server secret.
    if (!key.secretName || !SECRET_NAME.test(key.secretName)) return null;
    const secret = env[key.secretName as `SSO_SECRET_${string}`];
    return secret && secret.length >= MIN_SECRET_LENGTH ? new TextEncoder().encode(secret) : null;
  }
  if (!key.publicJwk) return null;
  const imported = await importJWK(key.publicJwk, 'ES256');
  return imported instanceof Uint8Array ? null : imported;
}

function invalid(detail: string): ApiError {
  return new ApiError('invalid-token', detail);
}

/** Verifies the token's signature and claims against the site key its `kid` names. */
async function verify(db: Database, env: Env, site: KeyedSite, token: string): Promise<SsoTokenClaims> {
  let kid: unknown;
  try {
    ({ kid } = decodeProtectedHeader(token));
  } catch {
    throw invalid('Het SSO-token is geen JWT.');
  }
  if (typeof kid !== 'string' || kid === '') throw new ApiError('unknown-key', 'Het SSO-token noemt geen sleutel (kid).');
  const key = await findSiteKey(db, site, kid);
  if (!key) throw new ApiError('unknown-key', `Deze site heeft geen sleutel "${kid}".`);
  if (key.status === 'retired') throw new ApiError('key-retired', `De sleutel "${kid}" is ingetrokken; onderteken met de nieuwe sleutel.`);
  const material = await keyMaterial(env, site, key);
  if (!material) throw new ApiError('unknown-key', `De sleutel "${kid}" is op de server niet ingesteld.`);

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, material, {
      algorithms: [key.alg],
      issuer: site.key,
      audience: SSO_AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      maxTokenAge: SSO_TOKEN_MAX_LIFETIME,
      clockTolerance: CLOCK_TOLERANCE,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ApiError('token-expired', 'Het SSO-token is verlopen.');
    if (error instanceof errors.JWTClaimValidationFailed) throw invalid(`Het SSO-token is ongeldig: ${error.claim} (${error.reason}).`);
    if (error instanceof errors.JOSEAlgNotAllowed) throw invalid(`Sleutel "${kid}" aanvaardt alleen ${key.alg}.`);
    if (error instanceof errors.JOSEError) throw invalid('De handtekening van het SSO-token klopt niet.');
    throw error;
  }
  const claims = SsoTokenClaims.safeParse(payload);
  if (!claims.success) throw invalid(`Het SSO-token is ongeldig: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
  if (claims.data.exp - claims.data.iat > SSO_TOKEN_MAX_LIFETIME) {
    throw invalid(`Het SSO-token leeft te lang: exp mag hoogstens ${SSO_TOKEN_MAX_LIFETIME} seconden na iat liggen.`);
  }
  return claims.data;
}

/**
 * Verifies a host-signed SSO token for the site and uses up its `jti`; returns its claims.
 * Throws `invalid-token`, `token-expired`, `unknown-key`, `key-retired` or `token-replayed`.
 */
export async function consumeSsoToken(db: Database, env: Env, site: KeyedSite, token: string): Promise<SsoTokenClaims> {
  const claims = await verify(db, env, site, token);
  // Remember the jti past the token's life plus the skew we allow, so it cannot come back.
  const forgetAfter = new Date((claims.exp + CLOCK_TOLERANCE + 60) * 1000);
  if (!(await recordSsoTokenUse(db, site, claims.jti, forgetAfter))) {
    throw new ApiError('token-replayed', 'Dit SSO-token is al gebruikt; elk token (jti) werkt één keer.');
  }
  return claims;
}
