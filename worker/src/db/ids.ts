/** Crockford's base32 in lower case: sorts the same as the numbers it encodes. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/**
 * A new public id: 10 characters of creation time then 16 random ones, so ids sort by
 * creation and cursors can compare them.
 */
export function newId(now: number = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 32];
  return encodeTime(now) + tail;
}

/** A stable id for seeded rows: the same `name` and time always give the same id. */
export function fixedId(name: string, at: number): string {
  let hash = 0x811c9dc5;
  let tail = '';
  for (let round = 0; tail.length < 16; round++) {
    for (const ch of `${round}:${name}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    for (let i = 0; i < 6 && tail.length < 16; i++) tail += ALPHABET[(hash >>> (i * 5)) & 31];
  }
  return encodeTime(at) + tail;
}
