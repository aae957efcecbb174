import { createClient, BuurtError, type BuurtClient, type SessionStorageLike } from '@buurtplein/sdk';
import type {
  CreatedSsoKey,
  CreateSsoKeyRequest,
  GrantableRole,
  Me,
  ModerationActionRequest,
  ModerationLogEntry,
  ModerationLogPage,
  ModerationQueue,
  OrganisationRef,
  RoleChange,
  RoleGrantRequest,
  Site,
  SiteFigures,
  SiteSettings,
  SsoKey,
  UpdateSiteSettingsRequest,
  UserSummary,
} from '@buurtplein/sdk/contract';

/** Options of a `ConsoleApi`. */
export interface ConsoleApiOptions {
  /** The site signed in on; the session (and its refresh token) belongs to it. */
  site: string;
  /** Where the API lives (without `/v1`); the console is served by the API itself, so usually its origin. */
  baseUrl: string;
  /** Where the refresh token lives between page loads; `sessionStorage` keeps it to this tab. */
  storage?: SessionStorageLike;
}

/** Refresh this long before the access token runs out, as the SDK does. */
const EXPIRY_MARGIN_MS = 30_000;

/** Site configurations, fetched once per page. */
const siteConfigs = new Map<string, Promise<Site>>();

/**
 * What the console asks of the API, through the SDK. The session lives in the client of the site
 * signed in on (`homeSite`); an access token is good for every site of that network, but a
 * refresh token only on its own site, so the console manages another site of the network with a
 * client of that site whose requests carry the home session's access token (refreshed at home).
 */
export class ConsoleApi {
  /** The SDK client of the site signed in on, which holds the session. */
  readonly client: BuurtClient;
  /** The site signed in on. */
  readonly homeSite: string;
  /** The site the console manages (its settings, queue, figures). */
  site: string;
  readonly baseUrl: string;
  private readonly clients = new Map<string, BuurtClient>();

  constructor(options: ConsoleApiOptions) {
    this.site = this.homeSite = options.site;
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
      found = this.on(site).sites.get();
      siteConfigs.set(key, found);
      found.catch(() => siteConfigs.delete(key));
    }
    return found;
  }

  moderationQueue(): Promise<ModerationQueue> {
    return this.on().moderation.queue.get();
  }

  /** Hides, restores or dismisses content, or (un)blocks a user; answers the audit log entry. */
  moderate(action: ModerationActionRequest): Promise<ModerationLogEntry> {
    return this.on().moderation.actions.create(action);
  }

  auditLog(cursor?: string): Promise<ModerationLogPage> {
    return this.on().moderation.auditLog.list(cursor ? { cursor } : {});
  }

  settings(): Promise<SiteSettings> {
    return this.on().admin.settings.get();
  }

  updateSettings(changes: UpdateSiteSettingsRequest): Promise<SiteSettings> {
    return this.on().admin.settings.update(changes);
  }

  async ssoKeys(): Promise<SsoKey[]> {
    return (await this.on().admin.ssoKeys.list()).data;
  }

  /** Adds an SSO key; for HS256 the answer holds the secret, this once. */
  createSsoKey(key: CreateSsoKeyRequest): Promise<CreatedSsoKey> {
    return this.on().admin.ssoKeys.create(key);
  }

  retireSsoKey(kid: string): Promise<SsoKey> {
    return this.on().admin.ssoKeys.retire(kid);
  }

  figures(): Promise<SiteFigures> {
    return this.on().admin.figures.get();
  }

  /** The figures as a CSV file (a plain link would carry no access token). */
  async figuresCsv(): Promise<Blob> {
    return new Blob([await this.on().admin.figures.csv()], { type: 'text/csv;charset=utf-8' });
  }

  /** The address of the figures' CSV export. */
  figuresCsvUrl(): string {
    return `${this.baseUrl}/v1/sites/${encodeURIComponent(this.site)}/admin/figures.csv`;
  }

  grantRole(userId: string, grant: RoleGrantRequest): Promise<RoleChange> {
    return this.on().admin.roles.grant(userId, grant);
  }

  revokeRole(userId: string, role: GrantableRole): Promise<RoleChange> {
    return this.on().admin.roles.revoke(userId, role);
  }

  /** The network's organisations, by name: what a professional can be granted to work for. */
  async organisations(): Promise<OrganisationRef[]> {
    return (await this.on().admin.organisations.list()).data;
  }

  /** The network's users by exact e-mail address or id, or the start of a word of their name. */
  async searchUsers(q: string): Promise<UserSummary[]> {
    return (await this.on().admin.users.search(q)).data;
  }

  /** The client for `site`: the home client itself, or one whose requests carry the home session's access token. */
  private on(site = this.site): BuurtClient {
    if (site === this.homeSite) return this.client;
    let found = this.clients.get(site);
    if (!found) {
      found = createClient({ site, baseUrl: this.baseUrl, fetch: (input, init) => this.withHomeSession(input, init) });
      this.clients.set(site, found);
    }
    return found;
  }

  /** Sends a request of another site's client with the home access token; refreshes at home once on `token-expired`. */
  private async withHomeSession(input: string, init: RequestInit): Promise<Response> {
    const send = (token: string | null) => {
      const headers = new Headers(init.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const response = await send(await this.homeAccessToken(false));
    if (response.status !== 401 || !this.client.session) return response;
    const problem = (await response.clone().json().catch(() => null)) as { type?: string } | null;
    return problem?.type?.endsWith('/token-expired') ? send(await this.homeAccessToken(true)) : response;
  }

  private async homeAccessToken(force: boolean): Promise<string | null> {
    const session = this.client.session;
    if (!session) return null;
    const stale = !session.accessToken || (session.accessTokenExpiresAt !== null && session.accessTokenExpiresAt - EXPIRY_MARGIN_MS <= Date.now());
    if (force || stale) await this.client.auth.refresh();
    return this.client.session?.accessToken ?? null;
  }
}

/** Whether a user may use the console: moderators and network admins. */
export function mayUseConsole(user: Me | null): boolean {
  return !!user && (user.roles.includes('moderator') || user.roles.includes('network-admin'));
}
