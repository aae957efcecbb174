import { BuurtError, createClient, type BuurtClient, type SessionStorageLike } from '@buurtplein/sdk';
import type {
  CreatedSsoKey,
  CreateSsoKeyRequest,
  GrantableRole,
  Me,
  ModerationActionRequest,
  ModerationLogEntry,
  ModerationLogPage,
  ModerationQueue,
  Problem,
  ProfessionalPage,
  RoleChange,
  RoleGrantRequest,
  Site,
  SiteFigures,
  SiteSettings,
  SsoKey,
  SsoKeyList,
  UpdateSiteSettingsRequest,
} from '@buurtplein/sdk/contract';

/** Options of a `ConsoleApi`. */
export interface ConsoleApiOptions {
  /** The site signed in on; the session's refresh token is kept per site. */
  site: string;
  /** Where the API lives (without `/v1`); the console is served by the API itself, so usually its origin. */
  baseUrl: string;
  /** Where the refresh token lives between page loads; `sessionStorage` keeps it to this tab. */
  storage?: SessionStorageLike;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Refresh this long before the access token runs out, so a request never races the clock. */
const EXPIRY_MARGIN_MS = 30_000;

/** The site configuration a console needs of every site it can switch to. */
const siteConfigs = new Map<string, Promise<Site>>();

/**
 * What the console asks of the API. Signing in, the session and its refresh are the SDK's
 * (`createClient`); the moderation and site-admin routes, which the SDK has no resources for yet,
 * are called here in the SDK's manner: bearer token, refresh once on `token-expired`, an
 * `Idempotency-Key` on every write, failures as `BuurtError`. Every call addresses `site`, which
 * may differ from the site signed in on as long as both are of one network.
 */
export class ConsoleApi {
  /** The SDK client that holds the session. */
  readonly client: BuurtClient;
  /** The site the console manages (its settings, queue, figures). */
  site: string;
  /** The site signed in on, which holds the session. */
  readonly homeSite: string;
  readonly baseUrl: string;

  constructor(options: ConsoleApiOptions) {
    this.site = options.site;
    this.homeSite = options.site;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.client = createClient({ site: options.site, baseUrl: this.baseUrl, ...(options.storage ? { session: options.storage } : {}) });
  }

  /** The signed-in user with their roles as the database has them; null when signed out. */
  get user(): Me | null {
    return this.client.session?.user ?? null;
  }

  /** Picks up a session kept from an earlier page load; null when there is none (or it ended). */
  async resume(): Promise<Me | null> {
    if (!this.client.session) return null;
    if (this.user && this.client.session.accessToken) return this.user;
    try {
      return (await this.client.auth.refresh()).user;
    } catch (error) {
      if (error instanceof BuurtError && error.status === 401) return null;
      throw error;
    }
  }

  /** E-mails a sign-in code. */
  startEmail(email: string) {
    return this.client.auth.startEmail(email);
  }

  /** Signs in with the e-mailed code; answers the user with their roles. */
  async verifyEmail(email: string, code: string): Promise<Me> {
    return (await this.client.auth.verifyEmail(email, code)).user;
  }

  signOut(): Promise<void> {
    return this.client.auth.logout();
  }

  /** A site's public configuration (name, network, shown neighbourhoods), fetched once per page. */
  siteConfig(site = this.site): Promise<Site> {
    const key = `${this.baseUrl} ${site}`;
    let found = siteConfigs.get(key);
    if (!found) {
      found = this.call<Site>('GET', '', undefined, site, false);
      siteConfigs.set(key, found);
      found.catch(() => siteConfigs.delete(key));
    }
    return found;
  }

  moderationQueue(): Promise<ModerationQueue> {
    return this.call('GET', '/moderation/queue');
  }

  /** Hides, restores or dismisses content, or (un)blocks a user; answers the audit log entry. */
  moderate(action: ModerationActionRequest): Promise<ModerationLogEntry> {
    return this.call('POST', '/moderation/actions', action);
  }

  auditLog(cursor?: string): Promise<ModerationLogPage> {
    return this.call('GET', `/moderation/audit-log${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
  }

  settings(): Promise<SiteSettings> {
    return this.call('GET', '/admin/settings');
  }

  updateSettings(changes: UpdateSiteSettingsRequest): Promise<SiteSettings> {
    return this.call('PATCH', '/admin/settings', changes);
  }

  async ssoKeys(): Promise<SsoKey[]> {
    return (await this.call<SsoKeyList>('GET', '/admin/sso-keys')).data;
  }

  /** Adds an SSO key; for HS256 the answer holds the secret, this once. */
  createSsoKey(key: CreateSsoKeyRequest): Promise<CreatedSsoKey> {
    return this.call('POST', '/admin/sso-keys', key);
  }

  retireSsoKey(kid: string): Promise<SsoKey> {
    return this.call('POST', `/admin/sso-keys/${encodeURIComponent(kid)}/retire`);
  }

  figures(): Promise<SiteFigures> {
    return this.call('GET', '/admin/figures');
  }

  /** The figures as CSV, fetched with the session (a plain link would carry no token). */
  async figuresCsv(): Promise<Blob> {
    return (await this.send('GET', this.figuresCsvUrl(), undefined, true)).blob();
  }

  /** The address of the figures' CSV export. */
  figuresCsvUrl(): string {
    return `${this.root(this.site)}/admin/figures.csv`;
  }

  grantRole(userId: string, grant: RoleGrantRequest): Promise<RoleChange> {
    return this.call('POST', `/admin/users/${encodeURIComponent(userId)}/roles`, grant);
  }

  revokeRole(userId: string, role: GrantableRole): Promise<RoleChange> {
    return this.call('DELETE', `/admin/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(role)}`);
  }

  /** The organisations of the professionals the site lists (the API has no list of organisations). */
  async organisations(): Promise<{ id: string; name: string }[]> {
    const found = new Map<string, string>();
    let cursor: string | null = null;
    do {
      const page: ProfessionalPage = await this.call('GET', `/professionals?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const p of page.data) found.set(p.organisation.id, p.organisation.name);
      cursor = page.nextCursor;
    } while (cursor);
    return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  private root(site: string): string {
    return `${this.baseUrl}/v1/sites/${encodeURIComponent(site)}`;
  }

  private async call<T>(method: Method, path: string, body?: unknown, site = this.site, authenticated = true): Promise<T> {
    const response = await this.send(method, this.root(site) + path, body, authenticated);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** One request with the session's access token, refreshed first when (nearly) expired and once on `token-expired`. */
  private async send(method: Method, url: string, body: unknown, authenticated: boolean): Promise<Response> {
    const idempotencyKey = method === 'GET' ? null : crypto.randomUUID();
    const attempt = async (token: string | null) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      const payload = body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
      if (payload !== undefined) headers['Content-Type'] = 'application/json';
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
      if (token) headers.Authorization = `Bearer ${token}`;
      try {
        return await fetch(url, { method, headers, ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}) });
      } catch (cause) {
        throw new BuurtError({ code: 'network-error', status: 0, message: 'De verbinding met Buurtplein is mislukt.', cause });
      }
    };
    let response = await attempt(authenticated ? await this.accessToken(false) : null);
    if (response.status === 401 && authenticated && this.client.session) {
      const error = await errorOf(response.clone());
      if (error.code === 'token-expired') response = await attempt(await this.accessToken(true));
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  private async accessToken(force: boolean): Promise<string | null> {
    const session = this.client.session;
    if (!session) return null;
    const stale = !session.accessToken || (session.accessTokenExpiresAt !== null && session.accessTokenExpiresAt - EXPIRY_MARGIN_MS <= Date.now());
    if (force || stale) await this.client.auth.refresh();
    return this.client.session?.accessToken ?? null;
  }
}

/** A failed response as a `BuurtError` carrying the problem slug. */
async function errorOf(response: Response): Promise<BuurtError> {
  let problem: Problem | null = null;
  if (response.headers.get('Content-Type')?.includes('json')) problem = (await response.json().catch(() => null)) as Problem | null;
  const code = problem?.type ? problem.type.slice(problem.type.lastIndexOf('/') + 1) : `http-${response.status}`;
  return new BuurtError({
    code,
    status: response.status,
    message: problem?.detail || problem?.title || `HTTP ${response.status}`,
    requestId: response.headers.get('X-Request-Id'),
    problem,
  });
}

/** Whether a user may use the console: moderators and network admins. */
export function mayUseConsole(user: Me | null): boolean {
  return !!user && (user.roles.includes('moderator') || user.roles.includes('network-admin'));
}
