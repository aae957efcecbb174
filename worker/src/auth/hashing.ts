const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of `text` in hex: enough for high-entropy values such as refresh tokens. */
export async function sha256(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** HMAC-SHA256 of `text` under `secret`, in hex: for low-entropy values such as codes and addresses. */
export async function hmac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/**
 * Compares two hex digests in constant time. Written out rather than Workers'
 * `crypto.subtle.timingSafeEqual` so the same code runs (and type-checks) in Node scripts.
 */
export function sameDigest(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  if (left.byteLength !== right.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < left.byteLength; i++) difference |= left[i]! ^ right[i]!;
  return difference === 0;
}

/** A random opaque token of `bytes` bytes, base64url without padding. */
export function randomToken(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** A uniformly random string of `length` decimal digits. */
export function randomDigits(length: number): string {
  let out = '';
  while (out.length < length) {
    const [n] = crypto.getRandomValues(new Uint32Array(1));
    // Reject the top of the range so every digit is equally likely.
    if (n! < 4_000_000_000) out += String(n! % 10);
  }
  return out;
}
