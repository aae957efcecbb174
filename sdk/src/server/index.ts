/**
 * Helpers for a host's server (Node ≥ 22 or Workers; WebCrypto only): sign SSO tokens for
 * residents signed in on the host, and verify the webhooks Buurtplein sends.
 */
export { signSsoToken, type SignSsoTokenOptions } from './sso-token.js';
export { signWebhook, verifyWebhook, WebhookSignatureError, WEBHOOK_SIGNATURE_HEADER, type VerifyWebhookOptions, type WebhookErrorCode } from './webhook.js';
