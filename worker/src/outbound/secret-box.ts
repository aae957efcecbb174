import { serverSecret, type Env } from '../env.js';

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * A purpose-bound key derived from CODE_SECRET with HKDF, so one server secret serves several
 * uses and a key for one use never opens another's data.
 */
async function derivedKey(env: Env, purpose: string, usage: 'encrypt' | 'sign'): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(serverSecret(env, 'CODE_SECRET')), 'HKDF', false, ['deriveKey']);
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(`buurtplein/${purpose}/v1`) };
  return usage === 'encrypt'
    ? crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    : crypto.subtle.deriveKey(params, base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
}

/**
 * Encrypts a secret the worker must be able to read back (a webhook signing secret: signing
 * needs the secret itself, so a hash would not do). AES-256-GCM, random IV, `iv.ciphertext`.
 */
export async function sealSecret(env: Env, plaintext: string, purpose = 'webhook-secrets'): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await derivedKey(env, purpose, 'encrypt');
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plaintext)));
  return `${base64url(iv)}.${base64url(sealed)}`;
}

/** Opens what `sealSecret` sealed; throws when it was tampered with or sealed under another key. */
export async function openSecret(env: Env, sealed: string, purpose = 'webhook-secrets'): Promise<string> {
  const [iv = '', data = ''] = sealed.split('.');
  const key = await derivedKey(env, purpose, 'encrypt');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, key, fromBase64url(data));
  return new TextDecoder().decode(plain);
}

/** `payload.signature`: a compact token whose payload the worker vouches for (HMAC-SHA256). */
export async function signToken(env: Env, purpose: string, payload: unknown): Promise<string> {
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  const key = await derivedKey(env, purpose, 'sign');
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return `${body}.${base64url(mac)}`;
}

/** The payload of a token `signToken` made for `purpose`; null when it is forged, altered or malformed. */
export async function verifyToken(env: Env, purpose: string, token: string): Promise<unknown> {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  try {
    const key = await derivedKey(env, purpose, 'sign');
    // crypto.subtle.verify compares in constant time.
    if (!(await crypto.subtle.verify('HMAC', key, fromBase64url(mac), encoder.encode(body)))) return null;
    return JSON.parse(new TextDecoder().decode(fromBase64url(body)));
  } catch {
    return null;
  }
}
