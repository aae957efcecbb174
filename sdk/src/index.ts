/**
 * The Buurtplein SDK: a typed client for the public API. It has no runtime dependencies;
 * the wire types come from the contract (`@buurtplein/sdk/contract`). Server helpers (SSO
 * tokens, webhook signatures) live in `@buurtplein/sdk/server`.
 */
export { createClient, type BuurtClient, type ClientOptions } from './client.js';
export { BuurtError, type BuurtErrorCode } from './buurt-error.js';
export { BOOKMARK_HEADER, type ReadOptions, type WriteOptions } from './http.js';
export type { PageParams } from './pagination.js';
export type { CreateEventParams } from './resources/events.js';
export { sessionStorageKey, type Session, type SessionStorageLike, type SessionTokens } from './session.js';
export type * from './contract/index.js';
