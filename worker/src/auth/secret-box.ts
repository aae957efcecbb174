import { serverSecret, type Env } from '../env.js';

/**
 * Encrypts the HS256 secrets of SSO keys made in the console, so D1 never holds them in the
 * clear: AES-256-GCM with a key derived (HKDF-SHA-256) from `SSO_KEY_ENCRYPTION_SECRET`, or
 * from `TOKEN_SECRET` when that is not set. The site key and kid are the additional data, so a
 * ciphertext copied to another key row does not decrypt.
 */

const VERSION = 'v1';
const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function masterSecret(env: Env): string {
  const own = env.SSO_KEY_ENCRYPTION_SECRET;
  if (own !== undefined) {
    if (own.length < 32) throw new Error('SSO_KEY_ENCRYPTION_SECRET is shorter than 32 characters');
    return own;
  }
  return serverSecret(env, 'TOKEN_SECRET');
}

async function encryptionKey(env: Env): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(masterSecret(env)), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('buurtplein'), info: encoder.encode('sso-key-encryption') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Where a secret belongs: its ciphertext only opens for this site and kid. */
export interface SecretOwner {
  siteKey: string;
  kid: string;
}

const additionalData = (owner: SecretOwner) => encoder.encode(`${owner.siteKey}\n${owner.kid}`);

/** Encrypts `secret` for storage; the result is `v1.<iv>.<ciphertext>`. */
export async function sealSecret(env: Env, owner: SecretOwner, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(owner) }, await encryptionKey(env), encoder.encode(secret));
  return `${VERSION}.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
}

/** Decrypts what `sealSecret` made; null when it does not open (wrong server secret, other key row, tampered). */
export async function openSecret(env: Env, owner: SecretOwner, sealed: string): Promise<string | null> {
  const [version, iv, data] = sealed.split('.');
  if (version !== VERSION || !iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(iv), additionalData: additionalData(owner) },
      await encryptionKey(env),
      fromBase64url(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** A new random HS256 secret: 32 bytes, base64url (43 characters). */
export function generateSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}
