import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { CreatedSsoKey, NeighbourhoodRef, SiteSettings, SsoKey, Theme, UpdateSiteSettingsRequest } from '@buurtplein/sdk/contract';
import type { ConsoleApi } from '../console-api.js';
import { dateTime } from '../console-format.js';
import { announceSessionEnded, fieldProblems, problemMessage, sessionEnded } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';
import { styles } from './buurt-console-settings.styles.js';

type Part = 'origins' | 'theme' | 'neighbourhoods' | 'policy' | 'sso';

/** The outcome of saving one part: a confirmation, or what is wrong per field. */
interface PartState {
  busy: boolean;
  done: string;
  error: string;
  fields: Map<string, string>;
}

const idle = (): PartState => ({ busy: false, done: '', error: '', fields: new Map() });

const TOKEN_NAME = /^--buurt-[a-z0-9-]+$/;
const KID = /^[A-Za-z0-9._-]{1,64}$/;

/** Whether `value` is an https origin without a path, as the API requires of an allowed origin. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * The site settings section: allowed origins, theme tokens with a live preview, the neighbourhoods
 * the site shows, the moderation policy, and the SSO keys (add with the secret shown once, retire).
 * Moderators see the settings read-only; network admins change them.
 *
 * @fires buurt-console-session-ended - The API no longer accepts the session.
 */
@localized()
export class BuurtConsoleSettings extends LitElement {
  static override styles = [consoleStyles, styles];
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    site: {},
    canConfigure: { type: Boolean, attribute: 'can-configure' },
    knownSites: { attribute: false },
    settings: { state: true },
    loadError: { state: true },
    origins: { state: true },
    tokens: { state: true },
    shown: { state: true },
    choices: { state: true },
    autoHideAfter: { state: true },
    premoderate: { state: true },
    turnstileEnabled: { state: true },
    turnstileSiteKey: { state: true },
    keys: { state: true },
    newKid: { state: true },
    newAlg: { state: true },
    newJwk: { state: true },
    created: { state: true },
    copied: { state: true },
    parts: { state: true },
  };

  api?: ConsoleApi;
  site = '';
  /** Whether the user is a network admin, who may change the settings and see the SSO keys. */
  canConfigure = false;
  /** Site keys whose neighbourhoods to offer (the API names only the shown ones of each site). */
  knownSites: string[] = [];

  private settings?: SiteSettings;
  private loadError = '';
  private origins = '';
  private tokens: { name: string; value: string }[] = [];
  private shown = new Set<string>();
  private choices: NeighbourhoodRef[] = [];
  private autoHideAfter = '3';
  private premoderate = '0';
  private turnstileEnabled = false;
  private turnstileSiteKey = '';
  private keys?: SsoKey[];
  private newKid = '';
  private newAlg: 'HS256' | 'ES256' = 'HS256';
  private newJwk = '';
  private created?: CreatedSsoKey;
  private copied = false;
  private parts: Record<Part, PartState> = { origins: idle(), theme: idle(), neighbourhoods: idle(), policy: idle(), sso: idle() };
  private loadedKey?: string;
  private previewNames: string[] = [];

  override willUpdate(): void {
    const key = `${this.site} ${this.canConfigure}`;
    if (this.api && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('tokens')) this.paintPreview();
  }

  private failed(error: unknown): string {
    if (sessionEnded(error)) announceSessionEnded(this);
    return problemMessage(error);
  }

  private async load(): Promise<void> {
    const api = this.api!;
    this.loadError = '';
    try {
      const [settings, choices] = await Promise.all([api.settings(), this.neighbourhoodChoices()]);
      this.adopt(settings);
      this.choices = choices;
    } catch (error) {
      this.loadError = this.failed(error);
    }
    if (this.canConfigure) await this.loadKeys();
  }

  /** The network's neighbourhoods as far as the known sites of this network show them. */
  private async neighbourhoodChoices(): Promise<NeighbourhoodRef[]> {
    const api = this.api!;
    const own = await api.siteConfig();
    const others = await Promise.all(this.knownSites.map((key) => api.siteConfig(key).catch(() => null)));
    const found = new Map<string, string>();
    for (const config of [own, ...others]) {
      if (config?.network.id !== own.network.id) continue;
      for (const n of config.neighbourhoods) found.set(n.id, n.name);
    }
    return [...found].map(([id, name]) => ({ id, name }));
  }

  private adopt(settings: SiteSettings): void {
    this.settings = settings;
    this.origins = settings.allowedOrigins.join('\n');
    this.tokens = Object.entries(settings.theme).map(([name, value]) => ({ name, value }));
    this.shown = new Set(settings.neighbourhoodIds);
    this.autoHideAfter = String(settings.policy.autoHideAfter);
    this.premoderate = String(settings.policy.premoderateFirstPosts);
    this.turnstileEnabled = settings.policy.turnstile.enabled;
    this.turnstileSiteKey = settings.policy.turnstile.siteKey ?? '';
  }

  private async loadKeys(): Promise<void> {
    try {
      this.keys = await this.api!.ssoKeys();
    } catch (error) {
      this.setPart('sso', { error: this.failed(error) });
    }
  }

  private setPart(part: Part, changes: Partial<PartState>): void {
    this.parts = { ...this.parts, [part]: { ...this.parts[part], ...changes } };
  }

  /** Sets the theme tokens on the preview, as the widget sets them on its elements (CSP-safe). */
  private paintPreview(): void {
    const preview = this.renderRoot.querySelector<HTMLElement>('.preview');
    if (!preview) return;
    for (const name of this.previewNames) preview.style.removeProperty(name);
    const valid = this.tokens.filter((t) => TOKEN_NAME.test(t.name.trim()) && t.value.trim());
    for (const t of valid) preview.style.setProperty(t.name.trim(), t.value.trim());
    this.previewNames = valid.map((t) => t.name.trim());
  }

  /** Sends one part's changes; field problems from the client or the API are shown at the fields. */
  private async save(part: Part, changes: UpdateSiteSettingsRequest, fields: Map<string, string>): Promise<void> {
    if (fields.size) {
      this.setPart(part, { error: msg('Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.', { id: 'console-problem-invalid' }), fields, done: '' });
      await this.focusFirstInvalid(part);
      return;
    }
    this.setPart(part, { busy: true, error: '', fields: new Map(), done: '' });
    try {
      this.adopt(await this.api!.updateSettings(changes));
      this.setPart(part, { busy: false, done: msg('Opgeslagen.', { id: 'console-saved' }) });
    } catch (error) {
      this.setPart(part, { busy: false, error: this.failed(error), fields: fieldProblems(error) });
      await this.focusFirstInvalid(part);
    }
  }

  private async focusFirstInvalid(part: Part): Promise<void> {
    await this.updateComplete;
    const form = this.renderRoot.querySelector(`[data-part="${part}"]`);
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private saveOrigins(event: Event): Promise<void> {
    event.preventDefault();
    const list = this.origins
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const wrong = list.find((origin) => !isOrigin(origin));
    const fields = new Map<string, string>();
    if (wrong !== undefined) fields.set('allowedOrigins', msg(str`"${wrong}" is geen https-origin zonder pad, zoals https://www.voorbeeld.nl.`, { id: 'console-origin-invalid' }));
    return this.save('origins', { allowedOrigins: list }, fields);
  }

  private saveTheme(event: Event): Promise<void> {
    event.preventDefault();
    const rows = this.tokens.map((t) => ({ name: t.name.trim(), value: t.value.trim() })).filter((t) => t.name || t.value);
    const fields = new Map<string, string>();
    rows.forEach((t, i) => {
      if (!TOKEN_NAME.test(t.name)) fields.set(`theme-name-${i}`, msg('Een naam als --buurt-color-primary: kleine letters, cijfers en streepjes.', { id: 'console-token-name-invalid' }));
      if (!t.value || t.value.length > 200) fields.set(`theme-value-${i}`, msg('Vul een CSS-waarde in van hoogstens 200 tekens.', { id: 'console-token-value-invalid' }));
    });
    this.tokens = rows;
    const theme: Theme = Object.fromEntries(rows.map((t) => [t.name, t.value]));
    return this.save('theme', { theme }, fields);
  }

  private saveNeighbourhoods(event: Event): Promise<void> {
    event.preventDefault();
    // The site's order first, then newly ticked ones in the order offered.
    const ids = [...(this.settings?.neighbourhoodIds ?? []).filter((id) => this.shown.has(id)), ...this.choices.map((n) => n.id).filter((id) => this.shown.has(id) && !this.settings?.neighbourhoodIds.includes(id))];
    return this.save('neighbourhoods', { neighbourhoodIds: ids }, new Map());
  }

  private savePolicy(event: Event): Promise<void> {
    event.preventDefault();
    const fields = new Map<string, string>();
    const whole = (value: string) => (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 100 ? Number(value) : null);
    const autoHideAfter = whole(this.autoHideAfter);
    const premoderateFirstPosts = whole(this.premoderate);
    const range = msg('Een heel getal van 0 tot en met 100.', { id: 'console-policy-range' });
    if (autoHideAfter === null) fields.set('autoHideAfter', range);
    if (premoderateFirstPosts === null) fields.set('premoderateFirstPosts', range);
    const siteKey = this.turnstileSiteKey.trim();
    if (this.turnstileEnabled && !siteKey) fields.set('turnstile', msg('Vul de Turnstile-sitesleutel in om Turnstile aan te zetten.', { id: 'console-turnstile-key-missing' }));
    return this.save(
      'policy',
      { policy: { autoHideAfter: autoHideAfter ?? 0, premoderateFirstPosts: premoderateFirstPosts ?? 0, turnstile: { enabled: this.turnstileEnabled, siteKey: siteKey || null } } },
      fields,
    );
  }

  private async addKey(event: Event): Promise<void> {
    event.preventDefault();
    const kid = this.newKid.trim();
    const fields = new Map<string, string>();
    if (!KID.test(kid)) fields.set('kid', msg('1 tot 64 tekens: letters, cijfers, punt, liggend streepje of streepje.', { id: 'console-kid-invalid' }));
    let publicJwk: unknown;
    if (this.newAlg === 'ES256') {
      try {
        publicJwk = JSON.parse(this.newJwk);
      } catch {
        fields.set('publicJwk', msg('Plak de publieke sleutel als JWK in JSON, met kty, crv, x en y.', { id: 'console-jwk-invalid' }));
      }
    }
    if (fields.size) {
      this.setPart('sso', { error: msg('Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.', { id: 'console-problem-invalid' }), fields, done: '' });
      return this.focusFirstInvalid('sso');
    }
    this.setPart('sso', { busy: true, error: '', fields: new Map(), done: '' });
    try {
      const request = this.newAlg === 'HS256' ? { alg: 'HS256' as const, kid } : { alg: 'ES256' as const, kid, publicJwk: publicJwk as { kty: 'EC'; crv: 'P-256'; x: string; y: string } };
      this.created = await this.api!.createSsoKey(request);
      this.copied = false;
      this.newKid = '';
      this.newJwk = '';
      this.setPart('sso', { busy: false, done: msg(str`Sleutel ${kid} toegevoegd.`, { id: 'console-key-added' }) });
      await this.loadKeys();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#created-heading')?.focus();
    } catch (error) {
      const fields = fieldProblems(error);
      if ((error as { code?: string }).code === 'kid-taken') fields.set('kid', problemMessage(error));
      this.setPart('sso', { busy: false, error: this.failed(error), fields });
      await this.focusFirstInvalid('sso');
    }
  }

  private async retire(kid: string): Promise<void> {
    this.setPart('sso', { busy: true, error: '', done: '' });
    try {
      await this.api!.retireSsoKey(kid);
      this.setPart('sso', { busy: false, done: msg(str`Sleutel ${kid} ingetrokken. Tokens met deze sleutel worden niet meer aanvaard.`, { id: 'console-key-retired' }) });
      await this.loadKeys();
    } catch (error) {
      this.setPart('sso', { busy: false, error: this.failed(error) });
    }
  }

  private async copySecret(): Promise<void> {
    if (!this.created?.secret) return;
    try {
      await navigator.clipboard.writeText(this.created.secret);
      this.copied = true;
    } catch {
      // Without clipboard access the secret stays selectable in the field.
      this.renderRoot.querySelector<HTMLInputElement>('#created-secret')?.select();
    }
  }

  /** Attributes that tie a field to its hint and its error. */
  private described(part: Part, field: string, hint?: string) {
    const error = this.parts[part].fields.get(field);
    const ids = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return { invalid: error ? 'true' : 'false', describedBy: ids || nothing, error };
  }

  private renderError(field: string, error: string | undefined) {
    return error ? html`<span class="field-error" id="${field}-error">${error}</span>` : nothing;
  }

  private renderStatus(part: Part) {
    const state = this.parts[part];
    return html`<div role="status" aria-live="polite">
      ${state.error ? html`<p class="message error">${state.error}</p>` : nothing}
      ${state.done ? html`<p class="message success">${state.done}</p>` : nothing}
    </div>`;
  }

  private renderSave(part: Part) {
    if (!this.canConfigure) return nothing;
    return html`<div><button type="submit" ?disabled=${this.parts[part].busy}>${msg('Opslaan', { id: 'console-save' })}</button></div>`;
  }

  private renderOrigins() {
    const f = this.described('origins', 'allowedOrigins', 'origins-hint');
    return html`<form data-part="origins" @submit=${this.saveOrigins} novalidate>
      <fieldset ?disabled=${!this.canConfigure}>
        <legend>${msg('Toegestane origins', { id: 'console-origins-legend' })}</legend>
        <div class="field">
          <label for="allowedOrigins">${msg('Websites die de widget mogen tonen', { id: 'console-origins-label' })}</label>
          <span class="hint" id="origins-hint">${msg('Eén per regel, met https en zonder pad, zoals https://www.voorbeeldstad.nl.', { id: 'console-origins-hint' })}</span>
          <textarea
            id="allowedOrigins"
            name="allowedOrigins"
            aria-invalid=${f.invalid}
            aria-describedby=${f.describedBy}
            .value=${this.origins}
            @input=${(e: Event) => (this.origins = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.renderError('allowedOrigins', f.error)}
        </div>
        ${this.renderSave('origins')}
      </fieldset>
      ${this.renderStatus('origins')}
    </form>`;
  }

  private renderTheme() {
    const update = (i: number, key: 'name' | 'value', value: string) => {
      this.tokens = this.tokens.map((t, j) => (j === i ? { ...t, [key]: value } : t));
    };
    return html`<form data-part="theme" @submit=${this.saveTheme} novalidate>
      <fieldset ?disabled=${!this.canConfigure}>
        <legend>${msg('Thema', { id: 'console-theme-legend' })}</legend>
        <p class="hint">${msg('CSS-variabelen die de widget op de site gebruikt. De voorbeeldweergave verandert direct mee.', { id: 'console-theme-hint' })}</p>
        <ul class="plain tokens">
          ${this.tokens.map((token, i) => {
            const name = this.described('theme', `theme-name-${i}`);
            const value = this.described('theme', `theme-value-${i}`);
            return html`<li class="row token">
              <div class="field">
                <label for="theme-name-${i}">${msg(str`Naam ${i + 1}`, { id: 'console-token-name' })}</label>
                <input id="theme-name-${i}" class="mono" aria-invalid=${name.invalid} aria-describedby=${name.describedBy} .value=${token.name} @input=${(e: Event) => update(i, 'name', (e.target as HTMLInputElement).value)} />
                ${this.renderError(`theme-name-${i}`, name.error)}
              </div>
              <div class="field">
                <label for="theme-value-${i}">${msg(str`Waarde ${i + 1}`, { id: 'console-token-value' })}</label>
                <input id="theme-value-${i}" class="mono" aria-invalid=${value.invalid} aria-describedby=${value.describedBy} .value=${token.value} @input=${(e: Event) => update(i, 'value', (e.target as HTMLInputElement).value)} />
                ${this.renderError(`theme-value-${i}`, value.error)}
              </div>
              ${this.canConfigure
                ? html`<button type="button" class="secondary" @click=${() => (this.tokens = this.tokens.filter((_, j) => j !== i))}>
                    ${msg(str`Verwijder ${token.name || i + 1}`, { id: 'console-token-remove' })}
                  </button>`
                : nothing}
            </li>`;
          })}
        </ul>
        ${this.canConfigure
          ? html`<div>
              <button type="button" class="secondary" @click=${() => (this.tokens = [...this.tokens, { name: '--buurt-', value: '' }])}>
                ${msg('Variabele toevoegen', { id: 'console-token-add' })}
              </button>
            </div>`
          : nothing}
        <div class="preview" role="img" aria-label=${msg('Voorbeeld van het thema: tekst, een knop en een kader in de kleuren van de site', { id: 'console-preview-label' })}>
          <span class="preview-title">${msg('Voorbeeld', { id: 'console-preview-title' })}</span>
          <span class="preview-text">${msg('Geveltuinen in de Tulpstraat', { id: 'console-preview-text' })}</span>
          <span class="preview-button">${msg('Steunen', { id: 'console-preview-button' })}</span>
        </div>
        ${this.renderSave('theme')}
      </fieldset>
      ${this.renderStatus('theme')}
    </form>`;
  }

  private renderNeighbourhoods() {
    const known = new Set(this.choices.map((n) => n.id));
    const unnamed = [...this.shown].filter((id) => !known.has(id)).map((id) => ({ id, name: id }));
    return html`<form data-part="neighbourhoods" @submit=${this.saveNeighbourhoods} novalidate>
      <fieldset ?disabled=${!this.canConfigure}>
        <legend>${msg('Getoonde buurten', { id: 'console-neighbourhoods-legend' })}</legend>
        <ul class="plain checks">
          ${[...this.choices, ...unnamed].map(
            (n) => html`<li>
              <label class="check">
                <input
                  type="checkbox"
                  name="neighbourhood"
                  value=${n.id}
                  .checked=${this.shown.has(n.id)}
                  @change=${(e: Event) => {
                    const next = new Set(this.shown);
                    if ((e.target as HTMLInputElement).checked) next.add(n.id);
                    else next.delete(n.id);
                    this.shown = next;
                  }}
                />
                ${n.name}
              </label>
            </li>`,
          )}
        </ul>
        ${this.renderSave('neighbourhoods')}
      </fieldset>
      ${this.renderStatus('neighbourhoods')}
    </form>`;
  }

  private renderPolicy() {
    const auto = this.described('policy', 'autoHideAfter', 'autoHideAfter-hint');
    const pre = this.described('policy', 'premoderateFirstPosts', 'premoderate-hint');
    const turnstile = this.described('policy', 'turnstile', 'turnstile-hint');
    return html`<form data-part="policy" @submit=${this.savePolicy} novalidate>
      <fieldset ?disabled=${!this.canConfigure}>
        <legend>${msg('Moderatiebeleid', { id: 'console-policy-legend' })}</legend>
        <div class="field">
          <label for="autoHideAfter">${msg('Automatisch verbergen na … meldingen', { id: 'console-auto-hide-label' })}</label>
          <span class="hint" id="autoHideAfter-hint">${msg('Meldingen van verschillende mensen; 0 is nooit.', { id: 'console-auto-hide-hint' })}</span>
          <input id="autoHideAfter" inputmode="numeric" aria-invalid=${auto.invalid} aria-describedby=${auto.describedBy} .value=${this.autoHideAfter} @input=${(e: Event) => (this.autoHideAfter = (e.target as HTMLInputElement).value)} />
          ${this.renderError('autoHideAfter', auto.error)}
        </div>
        <div class="field">
          <label for="premoderateFirstPosts">${msg('Eerste berichten van nieuwe bewoners vooraf beoordelen', { id: 'console-premoderate-label' })}</label>
          <span class="hint" id="premoderate-hint">${msg('Hoeveel berichten wachten op een moderator; 0 is uit.', { id: 'console-premoderate-hint' })}</span>
          <input id="premoderateFirstPosts" inputmode="numeric" aria-invalid=${pre.invalid} aria-describedby=${pre.describedBy} .value=${this.premoderate} @input=${(e: Event) => (this.premoderate = (e.target as HTMLInputElement).value)} />
          ${this.renderError('premoderateFirstPosts', pre.error)}
        </div>
        <label class="check">
          <input type="checkbox" .checked=${this.turnstileEnabled} @change=${(e: Event) => (this.turnstileEnabled = (e.target as HTMLInputElement).checked)} />
          ${msg('Turnstile-controle bij het aanvragen van een code', { id: 'console-turnstile-label' })}
        </label>
        <div class="field">
          <label for="turnstile">${msg('Turnstile-sitesleutel', { id: 'console-turnstile-key-label' })}</label>
          <span class="hint" id="turnstile-hint">${msg('De publieke sleutel uit het Cloudflare-dashboard.', { id: 'console-turnstile-key-hint' })}</span>
          <input id="turnstile" class="mono" aria-invalid=${turnstile.invalid} aria-describedby=${turnstile.describedBy} .value=${this.turnstileSiteKey} @input=${(e: Event) => (this.turnstileSiteKey = (e.target as HTMLInputElement).value)} />
          ${this.renderError('turnstile', turnstile.error)}
        </div>
        ${this.renderSave('policy')}
      </fieldset>
      ${this.renderStatus('policy')}
    </form>`;
  }

  private renderCreated(created: CreatedSsoKey) {
    if (!created.secret) return nothing;
    return html`<div class="message warning created">
      <h4 id="created-heading" tabindex="-1">${msg(str`Geheim van sleutel ${created.kid}`, { id: 'console-secret-heading' })}</h4>
      <p>
        <strong>${msg('U ziet dit geheim alleen nu.', { id: 'console-secret-once' })}</strong>
        ${msg('Bewaar het in de geheimenkluis van de server van de website. Wie het heeft, kan namens de site gebruikers aanmelden.', { id: 'console-secret-warning' })}
      </p>
      <div class="row">
        <div class="field secret-field">
          <label for="created-secret">${msg('Geheim (HS256)', { id: 'console-secret-label' })}</label>
          <input id="created-secret" class="mono" readonly .value=${created.secret} />
        </div>
        <button type="button" @click=${this.copySecret}>${msg('Kopiëren', { id: 'console-copy' })}</button>
        <button type="button" class="secondary" @click=${() => (this.created = undefined)}>${msg('Ik heb het bewaard', { id: 'console-secret-stored' })}</button>
      </div>
      <p role="status">${this.copied ? msg('Gekopieerd naar het klembord.', { id: 'console-copied' }) : ''}</p>
    </div>`;
  }

  private renderKeys() {
    const kid = this.described('sso', 'kid', 'kid-hint');
    const jwk = this.described('sso', 'publicJwk', 'jwk-hint');
    return html`<section aria-labelledby="sso-heading">
      <h3 id="sso-heading">${msg('SSO-sleutels', { id: 'console-sso-heading' })}</h3>
      <p class="hint">${msg('Voeg voor een wissel eerst de nieuwe sleutel toe, zet hem op de server van de website en trek dan de oude in.', { id: 'console-sso-hint' })}</p>
      ${this.created ? this.renderCreated(this.created) : nothing}
      ${this.keys?.length
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sso-caption">
            <table class="keys">
              <caption class="visually-hidden" id="sso-caption">${msg('SSO-sleutels van deze site', { id: 'console-sso-caption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Kid', { id: 'console-kid' })}</th>
                  <th scope="col">${msg('Algoritme', { id: 'console-alg' })}</th>
                  <th scope="col">${msg('Status', { id: 'console-label-state' })}</th>
                  <th scope="col">${msg('Toegevoegd', { id: 'console-key-created' })}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Acties', { id: 'console-actions' })}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.keys.map(
                  (key) => html`<tr>
                    <td class="mono">${key.kid}</td>
                    <td>${key.alg}</td>
                    <td>
                      ${key.status === 'active'
                        ? msg('Actief', { id: 'console-key-active' })
                        : msg(str`Ingetrokken op ${dateTime(key.retiredAt ?? key.createdAt)}`, { id: 'console-key-retired-on' })}
                    </td>
                    <td>${dateTime(key.createdAt)}</td>
                    <td>
                      ${key.status === 'active'
                        ? html`<button type="button" class="secondary" ?disabled=${this.parts.sso.busy} @click=${() => this.retire(key.kid)}>
                            ${msg(str`${key.kid} intrekken`, { id: 'console-key-retire' })}
                          </button>`
                        : nothing}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${msg('Deze site heeft nog geen SSO-sleutels.', { id: 'console-sso-empty' })}</p>`}
      <form data-part="sso" @submit=${this.addKey} novalidate>
        <fieldset>
          <legend>${msg('Sleutel toevoegen', { id: 'console-key-add-legend' })}</legend>
          <div class="field">
            <label for="kid">${msg('Kid (naam van de sleutel)', { id: 'console-kid-label' })}</label>
            <span class="hint" id="kid-hint">${msg('Bijvoorbeeld 2026-11; de website zet hem in de kop van elk token.', { id: 'console-kid-hint' })}</span>
            <input id="kid" class="mono" aria-invalid=${kid.invalid} aria-describedby=${kid.describedBy} .value=${this.newKid} @input=${(e: Event) => (this.newKid = (e.target as HTMLInputElement).value)} />
            ${this.renderError('kid', kid.error)}
          </div>
          <div class="field">
            <label for="alg">${msg('Algoritme', { id: 'console-alg' })}</label>
            <select id="alg" .value=${this.newAlg} @change=${(e: Event) => (this.newAlg = (e.target as HTMLSelectElement).value as 'HS256' | 'ES256')}>
              <option value="HS256" ?selected=${this.newAlg === 'HS256'}>${msg('HS256 (gedeeld geheim, wordt aangemaakt)', { id: 'console-alg-hs256' })}</option>
              <option value="ES256" ?selected=${this.newAlg === 'ES256'}>${msg('ES256 (publieke sleutel van de website)', { id: 'console-alg-es256' })}</option>
            </select>
          </div>
          ${this.newAlg === 'ES256'
            ? html`<div class="field">
                <label for="publicJwk">${msg('Publieke sleutel (JWK)', { id: 'console-jwk-label' })}</label>
                <span class="hint" id="jwk-hint">${msg('JSON met kty "EC", crv "P-256", x en y.', { id: 'console-jwk-hint' })}</span>
                <textarea id="publicJwk" class="mono" aria-invalid=${jwk.invalid} aria-describedby=${jwk.describedBy} .value=${this.newJwk} @input=${(e: Event) => (this.newJwk = (e.target as HTMLTextAreaElement).value)}></textarea>
                ${this.renderError('publicJwk', jwk.error)}
              </div>`
            : nothing}
          <div><button type="submit" ?disabled=${this.parts.sso.busy}>${msg('Sleutel toevoegen', { id: 'console-key-add' })}</button></div>
        </fieldset>
        ${this.renderStatus('sso')}
      </form>
    </section>`;
  }

  override render() {
    if (this.loadError) return html`<p class="message error">${this.loadError}</p>`;
    if (!this.settings) return html`<p>${msg('Laden…', { id: 'console-loading' })}</p>`;
    return html`${this.canConfigure
        ? nothing
        : html`<p class="message">${msg('U kunt deze instellingen bekijken; alleen netwerkbeheerders kunnen ze wijzigen.', { id: 'console-settings-read-only' })}</p>`}
      <div class="stack">
        ${this.renderOrigins()} ${this.renderTheme()} ${this.renderNeighbourhoods()} ${this.renderPolicy()}
        ${this.canConfigure ? this.renderKeys() : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console-settings': BuurtConsoleSettings;
  }
}
