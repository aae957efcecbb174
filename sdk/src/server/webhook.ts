import { fromHex, hex, hmacKey, utf8 } from './encoding.js';

/** The request header that carries a webhook delivery's signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'Buurtplein-Signature';

/** Why a webhook delivery was refused. */
export type WebhookErrorCode = 'missing-signature' | 'invalid-signature' | 'timestamp-out-of-tolerance';

/** A webhook delivery that did not come from Buurtplein, or came too late to trust. */
export class WebhookSignatureError extends Error {
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.code = code;
  }
}

/** The bytes the signature covers: `<timestamp>.<payload>`. */
function signedBytes(timestamp: number, payload: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = utf8(`${timestamp}.`);
  const body = utf8(payload);
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

/**
 * The `Buurtplein-Signature` header value for a payload: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`.
 * The worker signs its webhook deliveries with this.
 */
export async function signWebhook(options: { payload: string | Uint8Array; secret: string; timestamp?: number }): Promise<string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(options.secret, 'sign'), signedBytes(timestamp, options.payload));
  return `t=${timestamp},v1=${hex(mac)}`;
}

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  payload: string | Uint8Array;
  /** The `Buurtplein-Signature` header. */
  header: string | null | undefined;
  /** The endpoint's signing secret. */
  secret: string;
  /** How old a delivery may be, in seconds; 300 by default. Guards against replays. */
  toleranceSeconds?: number;
  /** The time to check against; now by default. */
  now?: Date;
}

/**
 * Checks that a webhook delivery was signed by Buurtplein with the endpoint's secret and is
 * recent, then returns the parsed event. Throws `WebhookSignatureError` otherwise. The HMAC is
 * compared by WebCrypto's `verify`, in constant time. Several `v1` entries (during secret
 * rotation) pass when any of them matches.
 *
 * @example
 * const event = await verifyWebhook({ payload: await request.text(), header: request.headers.get('Buurtplein-Signature'), secret });
 */
export async function verifyWebhook<T = unknown>(options: VerifyWebhookOptions): Promise<T> {
  const parts = (options.header ?? '').split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
  const signatures = parts.filter(([name, value]) => name === 'v1' && value).map(([, value]) => value as string);
  if (!Number.isInteger(timestamp) || signatures.length === 0) {
    throw new WebhookSignatureError('missing-signature', `No valid ${WEBHOOK_SIGNATURE_HEADER} header (t=…,v1=…).`);
  }
  const key = await hmacKey(options.secret, 'verify');
  const data = signedBytes(timestamp, options.payload);
  let valid = false;
  for (const signature of signatures) {
    const mac = fromHex(signature);
    if (mac && (await crypto.subtle.verify('HMAC', key, mac, data))) valid = true;
  }
  if (!valid) throw new WebhookSignatureError('invalid-signature', 'The signature does not match the payload and secret.');
  const age = Math.floor((options.now ?? new Date()).getTime() / 1000) - timestamp;
  if (Math.abs(age) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookSignatureError('timestamp-out-of-tolerance', `The delivery was signed ${age} seconds ago, outside the tolerance.`);
  }
  const text = typeof options.payload === 'string' ? options.payload : new TextDecoder().decode(options.payload);
  return JSON.parse(text) as T;
}
