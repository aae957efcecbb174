import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Me } from '@buurtplein/sdk/contract';
import type { SessionStorageLike } from '@buurtplein/sdk';
import { roleLabel } from '../buurt-console-roles/buurt-console-roles.js';
import type { SignedInDetail } from '../buurt-console-sign-in/buurt-console-sign-in.js';
import { ConsoleApi, mayUseConsole } from '../console-api.js';
import { consoleLocale, setConsoleLocale } from '../console-locale.js';
import { SESSION_ENDED, problemMessage } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';
import { styles } from './buurt-console.styles.js';

/** The console's sections, by the fragment that opens them. */
export type ConsoleSection = 'moderatie' | 'instellingen' | 'rollen' | 'cijfers';

const SECTIONS: ConsoleSection[] = ['moderatie', 'instellingen', 'rollen', 'cijfers'];

function sectionFromHash(hash: string): ConsoleSection | undefined {
  const name = hash.replace(/^#/, '');
  return (SECTIONS as string[]).includes(name) ? (name as ConsoleSection) : undefined;
}

/**
 * The console for the people who run a network: sign-in by e-mail code, then — by the roles the
 * database gives the user — moderation (moderators; network admins read the audit log), site
 * settings (read by moderators, changed by network admins), roles (network admins) and figures.
 * Anyone else sees that they have no access. Sections open by fragment (`#moderatie`, …).
 *
 * @example
 * <buurt-console sites="gemeente-voorbeeldstad woonstichting-voorbeeld" site="gemeente-voorbeeldstad"></buurt-console>
 */
@localized()
export class BuurtConsole extends LitElement {
  static override styles = [consoleStyles, styles];
  static override properties: PropertyDeclarations = {
    sites: {},
    site: { reflect: true },
    api: {},
    lang: {},
    phase: { state: true },
    user: { state: true },
    section: { state: true },
    siteNames: { state: true },
    notice: { state: true },
  };

  /** The site keys to choose from, separated by spaces. */
  sites = '';
  /** The site managed; defaults to the first of `sites`. */
  site = '';
  /** The API's base URL; defaults to this page's origin. */
  api = '';
  /** The language; defaults to the page's `lang`. */
  override lang = '';
  /** Where the refresh token is kept; `sessionStorage` (this tab only) by default. */
  storage?: SessionStorageLike;

  private phase: 'starting' | 'signed-out' | 'no-access' | 'ready' = 'starting';
  private user: Me | null = null;
  private section: ConsoleSection = 'moderatie';
  private siteNames = new Map<string, string>();
  private notice = '';
  private consoleApi?: ConsoleApi;
  private appliedLang?: string;
  private readonly onHashChange = () => void this.openSection(sectionFromHash(location.hash), true);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener(SESSION_ENDED, this.onSessionEnded);
    this.section = sectionFromHash(location.hash) ?? this.section;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener(SESSION_ENDED, this.onSessionEnded);
  }

  override willUpdate(): void {
    const lang = this.lang || document.documentElement.lang;
    if (lang !== this.appliedLang) {
      this.appliedLang = lang;
      void setConsoleLocale(consoleLocale(lang));
    }
    if (!this.consoleApi) {
      this.site ||= this.siteKeys()[0] ?? '';
      void this.start(this.site);
    }
  }

  private siteKeys(): string[] {
    const keys = this.sites.split(/\s+/).filter(Boolean);
    return this.site && !keys.includes(this.site) ? [this.site, ...keys] : keys;
  }

  /** Starts on `site`: picks up a kept session, else asks to sign in. */
  private async start(site: string): Promise<void> {
    const api = new ConsoleApi({ site, baseUrl: this.api || location.origin, storage: this.storage ?? sessionStorage });
    this.consoleApi = api;
    this.phase = 'starting';
    void this.loadSiteNames(api);
    try {
      this.signedIn(await api.resume());
    } catch (error) {
      this.phase = 'signed-out';
      this.notice = problemMessage(error);
    }
  }

  private async loadSiteNames(api: ConsoleApi): Promise<void> {
    const names = await Promise.all(this.siteKeys().map(async (key) => [key, (await api.siteConfig(key).catch(() => null))?.name ?? key] as const));
    this.siteNames = new Map(names);
  }

  private signedIn(user: Me | null): void {
    this.user = user;
    this.phase = !user ? 'signed-out' : mayUseConsole(user) ? 'ready' : 'no-access';
    if (this.phase === 'ready') {
      this.notice = '';
      const allowed = this.allowedSections();
      if (!allowed.includes(this.section)) this.section = allowed[0]!;
    }
  }

  private readonly onSessionEnded = () => {
    this.user = null;
    this.phase = 'signed-out';
    this.notice = msg('Uw sessie is afgelopen. Meld u opnieuw aan.', { id: 'console-session-ended' });
  };

  private async onSignedIn(event: CustomEvent<SignedInDetail>): Promise<void> {
    this.signedIn(event.detail.user);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.phase === 'ready' ? '#section-heading' : '#no-access-heading')?.focus();
  }

  private async signOut(): Promise<void> {
    await this.consoleApi?.signOut().catch(() => {});
    this.user = null;
    this.phase = 'signed-out';
    this.notice = msg('U bent afgemeld.', { id: 'console-signed-out' });
  }

  /** Switches the managed site: within the session's network at once, else after signing in there. */
  private async changeSite(event: Event): Promise<void> {
    const key = (event.target as HTMLSelectElement).value;
    const url = new URL(location.href);
    url.searchParams.set('site', key);
    history.replaceState(history.state, '', url);
    const api = this.consoleApi;
    this.site = key;
    if (api && this.user) {
      const [home, next] = await Promise.all([api.siteConfig(api.homeSite), api.siteConfig(key)]).catch(() => [null, null]);
      if (home && next && home.network.id === next.network.id) {
        api.site = key;
        this.requestUpdate();
        return;
      }
    }
    await this.start(key);
    if (this.phase === 'signed-out') this.notice = msg('Deze site hoort bij een ander netwerk. Meld u daar aan.', { id: 'console-other-network' });
  }

  private allowedSections(): ConsoleSection[] {
    const roles = this.user?.roles ?? [];
    const admin = roles.includes('network-admin');
    return SECTIONS.filter((s) => s !== 'rollen' || admin);
  }

  private async openSection(section: ConsoleSection | undefined, focus: boolean): Promise<void> {
    if (!section || !this.allowedSections().includes(section)) return;
    this.section = section;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#section-heading')?.focus();
  }

  private sectionName(section: ConsoleSection): string {
    switch (section) {
      case 'moderatie':
        return msg('Moderatie', { id: 'console-section-moderation' });
      case 'instellingen':
        return msg('Site-instellingen', { id: 'console-section-settings' });
      case 'rollen':
        return msg('Rollen', { id: 'console-section-roles' });
      case 'cijfers':
        return msg('Cijfers', { id: 'console-section-figures' });
    }
  }

  private renderSection() {
    const api = this.consoleApi!;
    const roles = this.user!.roles;
    const site = api.site;
    switch (this.section) {
      case 'moderatie':
        return html`<buurt-console-moderation .api=${api} site=${site} ?can-act=${roles.includes('moderator')}></buurt-console-moderation>`;
      case 'instellingen':
        return html`<buurt-console-settings .api=${api} site=${site} .knownSites=${this.siteKeys()} ?can-configure=${roles.includes('network-admin')}></buurt-console-settings>`;
      case 'rollen':
        return html`<buurt-console-roles .api=${api} site=${site}></buurt-console-roles>`;
      case 'cijfers':
        return html`<buurt-console-figures .api=${api} site=${site}></buurt-console-figures>`;
    }
  }

  private renderMain() {
    switch (this.phase) {
      case 'starting':
        return html`<p>${msg('Laden…', { id: 'console-loading' })}</p>`;
      case 'signed-out':
        return html`${this.notice ? html`<p class="message" role="status">${this.notice}</p>` : nothing}
          <buurt-console-sign-in .api=${this.consoleApi} @buurt-console-signed-in=${this.onSignedIn}></buurt-console-sign-in>`;
      case 'no-access':
        return html`<h2 id="no-access-heading" tabindex="-1">${msg('Geen toegang', { id: 'console-no-access-heading' })}</h2>
          <p class="message">${msg('U heeft geen toegang tot de console. Alleen moderatoren en netwerkbeheerders kunnen hier werken.', { id: 'console-no-access' })}</p>`;
      case 'ready':
        return html`<h2 id="section-heading" tabindex="-1">${this.sectionName(this.section)}</h2>
          ${this.renderSection()}`;
    }
  }

  override render() {
    const keys = this.siteKeys();
    const granted = (this.user?.roles ?? []).filter((r) => r !== 'resident');
    return html`<header class="bar">
        <h1>${msg('Buurtplein-console', { id: 'console-title' })}</h1>
        <div class="field site-field">
          <label for="site">${msg('Site', { id: 'console-site-label' })}</label>
          <select id="site" @change=${this.changeSite}>
            ${keys.map((key) => html`<option value=${key} ?selected=${key === this.site}>${this.siteNames.get(key) ?? key}</option>`)}
          </select>
        </div>
        ${this.user
          ? html`<div class="who">
              <p>
                ${msg(str`Aangemeld als ${this.user.displayName}`, { id: 'console-signed-in-as' })}
                ${granted.length ? html`<span class="hint">(${granted.map((r) => roleLabel(r)).join(', ')})</span>` : nothing}
              </p>
              <button type="button" class="secondary" @click=${this.signOut}>${msg('Afmelden', { id: 'console-sign-out' })}</button>
            </div>`
          : nothing}
      </header>
      ${this.phase === 'ready'
        ? html`<nav aria-label=${msg('Onderdelen van de console', { id: 'console-nav-label' })}>
            <ul class="plain tabs">
              ${this.allowedSections().map(
                (s) => html`<li><a href="#${s}" aria-current=${s === this.section ? 'page' : nothing}>${this.sectionName(s)}</a></li>`,
              )}
            </ul>
          </nav>`
        : nothing}
      <main id="main">${this.renderMain()}</main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console': BuurtConsole;
  }
}
