import { Role } from '@buurtplein/sdk/contract';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { serverSecret, type Env } from '../env.js';
import { ApiError } from '../http/api-error.js';
import type { Actor } from './permissions.js';

/** How long an access token is valid, in seconds. */
export const ACCESS_TOKEN_LIFETIME = 15 * 60;

const ISSUER = 'buurtplein';
const AUDIENCE = 'buurtplein-api';
const TYPE = 'at+jwt';

const AccessClaims = z.object({
  sub: z.string(),
  site: z.string(),
  net: z.string(),
  roles: z.array(Role),
  org: z.string().nullable(),
});

type SignedInActor = Extract<Actor, { type: 'user' }>;

function key(env: Env): Uint8Array {
  return new TextEncoder().encode(serverSecret(env, 'TOKEN_SECRET'));
}

/** Signs an access token carrying the user, the site and its network, and a snapshot of the roles. */
export async function signAccessToken(env: Env, actor: SignedInActor, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now / 1000);
  const token = await new SignJWT({ site: actor.siteKey, net: actor.networkId, roles: [...actor.roles], org: actor.organisationId })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(actor.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_LIFETIME)
    .sign(key(env));
  return { token, expiresAt: new Date((iat + ACCESS_TOKEN_LIFETIME) * 1000) };
}

const bearerChallenge = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

/**
 * Verifies an access token without a database read and returns its actor; throws
 * `token-expired` or `invalid-token`. A token is good on every site of the network it was issued in.
 */
export async function verifyAccessToken(env: Env, token: string, networkId: string): Promise<SignedInActor> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(env), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      typ: TYPE,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 5,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ApiError('token-expired', 'Het toegangstoken is verlopen; vernieuw het met auth/refresh.', bearerChallenge);
    if (error instanceof errors.JOSEError) throw new ApiError('invalid-token', 'Het toegangstoken is ongeldig.', bearerChallenge);
    throw error;
  }
  const claims = AccessClaims.safeParse(payload);
  if (!claims.success) throw new ApiError('invalid-token', 'Het toegangstoken is ongeldig.', bearerChallenge);
  if (claims.data.net !== networkId) {
    throw new ApiError('invalid-token', 'Dit toegangstoken hoort bij een ander netwerk.', bearerChallenge);
  }
  const { sub, site, net, roles, org } = claims.data;
  return { type: 'user', userId: sub, siteKey: site, networkId: net, roles, organisationId: org };
}
