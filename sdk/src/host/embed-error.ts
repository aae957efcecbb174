/**
 * Why embedding failed, as a stable code to switch on:
 * - `script-load-failed`: `buurtplein.js` could not be loaded (network, wrong URL, blocked by CSP);
 * - `elements-load-failed`: the script ran, but the elements module it loads could not be loaded;
 * - `elements-timeout`: the elements did not arrive within `ready({ timeout })`;
 * - `unknown-view`: `mount()` was asked for a view the widget does not have;
 * - `mount-target-missing`: `mount()` found no element for its selector;
 * - `invalid-plugin`: `use()` was given something that is not a plugin (see `definePlugin`).
 */
export type EmbedErrorCode =
  | 'script-load-failed'
  | 'elements-load-failed'
  | 'elements-timeout'
  | 'unknown-view'
  | 'mount-target-missing'
  | 'invalid-plugin';

/**
 * An error of the embed API (`load()`, `window.Buurtplein.*`), carrying a stable `code`. The script
 * tag and the module that imported `load()` are separate bundles, so test with `isEmbedError`
 * rather than `instanceof`.
 *
 * @example
 * try { await Buurtplein.ready({ timeout: 5000 }); } catch (e) { if (isEmbedError(e) && e.code === 'elements-timeout') showFallback(); }
 */
export interface EmbedError extends Error {
  readonly name: 'BuurtEmbedError';
  readonly code: EmbedErrorCode;
}

/** Creates an `EmbedError` with a message that says what to check. */
export function embedError(code: EmbedErrorCode, message: string, cause?: unknown): EmbedError {
  return Object.assign(new Error(`[buurtplein] ${message}`, { cause }), { name: 'BuurtEmbedError' as const, code });
}

/** Whether `error` is an `EmbedError`, from whichever bundle made it. */
export function isEmbedError(error: unknown): error is EmbedError {
  return error instanceof Error && error.name === 'BuurtEmbedError' && typeof (error as { code?: unknown }).code === 'string';
}
