import type { AuthSession, Me } from './contract/index.js';

/**
 * A signed-in session as the client holds it. The access token lives only in memory; the
 * refresh token is what a host or widget persists (per site) to stay signed in.
 */
export interface Session {
  accessToken: string | null;
  /** When the access token runs out (ms since the epoch); null when unknown or absent. */
  accessTokenExpiresAt: number | null;
  refreshToken: string;
  /** The signed-in user, once the API has named them (after signing in or refreshing). */
  user: Me | null;
}

/** Tokens a caller already has, e.g. from its own server or an earlier page. */
export interface SessionTokens {
  accessToken?: string;
  /** ISO 8601; when left out, read from the access token's `exp`. */
  accessTokenExpiresAt?: string;
  refreshToken: string;
  user?: Me;
}

/**
 * Where the client keeps the refresh token between page loads: `window.localStorage` fits,
 * as does any object with these three methods.
 */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key under which a site's refresh token is kept. */
export function sessionStorageKey(site: string): string {
  return `buurtplein:${site}:refresh-token`;
}

/** Refresh this long before the access token's expiry, so a request never races the clock. */
const EXPIRY_MARGIN_MS = 30_000;

/** The `exp` of a JWT in ms, read without verifying (the API verifies); null when unreadable. */
function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function isStorage(value: SessionTokens | SessionStorageLike): value is SessionStorageLike {
  return typeof (value as SessionStorageLike).getItem === 'function';
}

/** Holds the client's session, persists its refresh token and tells listeners when it changes. */
export class SessionHolder {
  #session: Session | null = null;
  readonly #storage: SessionStorageLike | null;
  readonly #key: string;
  readonly #onChange: ((session: Session | null) => void) | undefined;

  constructor(site: string, init: SessionTokens | SessionStorageLike | undefined, onChange?: (session: Session | null) => void) {
    this.#key = sessionStorageKey(site);
    this.#onChange = onChange;
    this.#storage = init && isStorage(init) ? init : null;
    if (init && !isStorage(init)) {
      const accessToken = init.accessToken ?? null;
      const expiresAt = init.accessTokenExpiresAt ? Date.parse(init.accessTokenExpiresAt) : accessToken ? jwtExpiry(accessToken) : null;
      this.#session = { accessToken, accessTokenExpiresAt: expiresAt, refreshToken: init.refreshToken, user: init.user ?? null };
    } else {
      const refreshToken = this.#storage?.getItem(this.#key);
      if (refreshToken) this.#session = { accessToken: null, accessTokenExpiresAt: null, refreshToken, user: null };
    }
  }

  get current(): Session | null {
    return this.#session;
  }

  /** Whether the access token is missing or (nearly) expired, so a refresh should come first. */
  needsRefresh(now = Date.now()): boolean {
    const s = this.#session;
    if (!s) return false;
    return !s.accessToken || (s.accessTokenExpiresAt !== null && s.accessTokenExpiresAt - EXPIRY_MARGIN_MS <= now);
  }

  /**
   * The refresh token to present: the stored one when another tab already rotated it, since
   * presenting a used refresh token revokes the whole session.
   */
  refreshToken(): string | null {
    const stored = this.#storage?.getItem(this.#key);
    if (stored && this.#session && stored !== this.#session.refreshToken) this.#session = { ...this.#session, refreshToken: stored };
    return this.#session?.refreshToken ?? null;
  }

  /** Takes a session the API answered with (sign-in or refresh). */
  adopt(auth: AuthSession): void {
    this.set({
      accessToken: auth.accessToken,
      accessTokenExpiresAt: Date.parse(auth.accessTokenExpiresAt),
      refreshToken: auth.refreshToken,
      user: auth.user,
    });
  }

  /** Replaces the session (null: signed out), persists the refresh token and notifies. */
  set(session: Session | null): void {
    this.#session = session;
    if (session) this.#storage?.setItem(this.#key, session.refreshToken);
    else this.#storage?.removeItem(this.#key);
    this.#onChange?.(session);
  }
}
