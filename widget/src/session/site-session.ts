import { createClient, type BuurtClient, type SessionStorageLike } from '@buurtplein/sdk';
import type { Me } from '@buurtplein/sdk/contract';

/** `localStorage` when the page may use it; none (sessions last as long as the page) in a locked-down browser. */
function pageStorage(): SessionStorageLike | undefined {
  try {
    const probe = 'buurtplein:probe';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}

/**
 * One site's signed-in state on this page, shared by every element that shows the site: the SDK
 * client that holds the session (access token in memory only, the rotating refresh token in
 * `localStorage` under the SDK's per-site key, `buurtplein:<site>:refresh-token`), the signed-in
 * user, and a `change` event whenever someone signs in or out — here, in an element, or through
 * `window.Buurtplein.login()`.
 */
export class SiteSession extends EventTarget {
  /** The client every element of this site uses for reads and writes, signed in or not. */
  readonly client: BuurtClient;
  /** Settles once a session kept from an earlier page load has been tried (refreshed or found ended). */
  readonly restored: Promise<void>;
  #user: Me | null = null;

  constructor(
    readonly site: string,
    readonly api: string,
  ) {
    super();
    const storage = pageStorage();
    this.client = createClient({
      site,
      baseUrl: api,
      ...(storage ? { session: storage } : {}),
      onSessionChange: (session) => {
        this.#user = session ? (session.user ?? this.#user) : null;
        this.dispatchEvent(new Event('change'));
      },
    });
    this.restored = this.restore();
  }

  /** The signed-in user; null when signed out, or while a kept session is still being restored. */
  get user(): Me | null {
    return this.client.session ? this.#user : null;
  }

  /** Whether there is a session (it may still be restoring). */
  get signedIn(): boolean {
    return !!this.client.session;
  }

  /** Sends a one-time code to `email`. */
  startEmail(email: string) {
    return this.client.auth.startEmail(email);
  }

  /** Signs in with the e-mailed code. */
  async verifyEmail(email: string, code: string): Promise<Me> {
    return (await this.client.auth.verifyEmail(email, code)).user;
  }

  /** Signs in with a token the host's server signed. */
  async sso(token: string): Promise<Me> {
    return (await this.client.auth.sso(token)).user;
  }

  /** Signs out here and on the server; signed out here even when the server cannot be reached. */
  async logout(): Promise<void> {
    await this.client.auth.logout().catch(() => {});
  }

  private async restore(): Promise<void> {
    if (!this.client.session) return;
    try {
      await this.client.auth.refresh();
    } catch {
      // A refused token has ended the session (the SDK signed out); a network failure keeps it for the next request.
    }
  }
}

const sessions = new Map<string, SiteSession>();

/** The shared session of `site` at `api`, made (and restored) on first use. */
export function siteSession(site: string, api: string): SiteSession {
  const key = `${api} ${site}`;
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new SiteSession(site, api)));
  return session;
}

/** What `window.Buurtplein.login()` and `logout()` do, for the script tag's site. */
export const hostCalls = {
  login: (site: string, api: string, token: unknown) => {
    if (typeof token !== 'string' || !token) return Promise.reject(new TypeError('[buurtplein] login(ssoToken) needs the token as a string.'));
    return siteSession(site, api).sso(token);
  },
  logout: (site: string, api: string) => siteSession(site, api).logout(),
};
