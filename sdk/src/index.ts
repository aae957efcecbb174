/**
 * The Buurtplein SDK: a typed client for the public API. It has no runtime dependencies;
 * the wire types come from the contract (`@buurtplein/sdk/contract`).
 */
export { createClient, type BuurtClient, type ClientOptions } from './client.js';
export { BuurtError } from './buurt-error.js';
export type * from './contract/index.js';
