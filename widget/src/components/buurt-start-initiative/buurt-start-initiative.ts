import { html, nothing, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { CreateInitiativeRequest, InitiativeNeed, InitiativeTheme, Neighbourhood } from '@buurtplein/sdk/contract';
import { BuurtElement } from '../../buurt-element.js';
import { routeHref } from '../../deep-link.js';
import { Draft } from '../../drafts.js';
import { loadElement } from '../../element-chunks.js';
import { fire } from '../../events.js';
import { INITIATIVE_NEEDS, initiativeNeedLabel } from '../../labels/initiative-need.js';
import { INITIATIVE_THEMES, initiativeThemeLabel } from '../../labels/initiative-theme.js';
import { writeProblemMessage } from '../../labels/write-problem.js';
import { LocaleController } from '../../locale.js';
import { problemCode } from '../../problem-code.js';
import { SessionController } from '../../session/session-controller.js';
import { siteConfig } from '../../site-config.js';
import { styles } from './buurt-start-initiative.styles.js';

/** What the form holds, as kept in the draft. */
interface StartDraft {
  title: string;
  summary: string;
  body: string;
  neighbourhood: string;
  themes: InitiativeTheme[];
  needs: InitiativeNeed[];
}

type Field = 'title' | 'summary' | 'body' | 'neighbourhood';

const EMPTY: StartDraft = { title: '', summary: '', body: '', neighbourhood: '', themes: [], needs: [] };

/**
 * The form to start an initiative: title, summary, the full plan, neighbourhood, themes and needs.
 * What the resident types is kept as a draft in `localStorage` (per site) until it is posted, so a
 * reload or a failed post loses nothing; a retry of the same text posts with the same
 * Idempotency-Key, so the initiative is created exactly once. Signed out, the resident can fill
 * the form and signs in when posting.
 *
 * @example
 * <buurt-start-initiative></buurt-start-initiative>
 *
 * @tagname buurt-start-initiative
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart heading - The form's heading.
 * @csspart form - The form.
 * @csspart button - Every button.
 *
 * @cssprop --buurt-font-size-heading - Size of the headings.
 * @cssprop --buurt-color-error - Colour of error messages and of fields with an error.
 *
 * @fires {CustomEvent<InitiativeCreatedDetail>} buurt-initiative-created - The initiative was started.
 * Cancel it to show it your own way; otherwise the form links to it.
 * @fires {CustomEvent<Record<string, never>>} buurt-sign-in-requested - A signed-out resident posted; cancel it to show
 * your own sign-in, otherwise the form shows the sign-in screens itself.
 */
export class BuurtStartInitiative extends BuurtElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    neighbourhood: {},
    value: { state: true },
    errors: { state: true },
    problem: { state: true },
    busy: { state: true },
    neighbourhoods: { state: true },
    signInShown: { state: true },
    created: { state: true },
    announcement: { state: true },
  };

  /** The neighbourhood to preselect: an id or a CBS code. */
  neighbourhood?: string;

  private value: StartDraft = EMPTY;
  private errors: Partial<Record<Field, string>> = {};
  /** Why the last post failed, in plain language; empty when it did not. */
  private problem = '';
  private busy = false;
  private neighbourhoods: Neighbourhood[] = [];
  private signInShown = false;
  /** The initiative just started, when no listener took over. */
  private created?: { id: string; title: string };
  private announcement = '';
  private draft?: Draft<StartDraft>;
  private configKey?: string;
  private readonly locale = new LocaleController(this);
  private readonly auth = new SessionController(this, () => this.source());

  /** Moves focus to the heading, as a view that just opened should. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
  }

  override willUpdate(): void {
    const { site, api } = this.source();
    const key = `${api} ${site}`;
    if (!site || key === this.configKey) return;
    this.configKey = key;
    this.draft = new Draft(site, 'initiative');
    const kept = this.draft.load();
    this.value = kept ? { ...EMPTY, ...kept } : { ...EMPTY, neighbourhood: this.neighbourhood ?? '' };
    if (kept) this.announcement = msg('Uw concept is teruggezet.', { id: 'start-draft-restored' });
    siteConfig(site, api).then(
      (config) => {
        if (key !== this.configKey) return;
        this.neighbourhoods = config.neighbourhoods;
        const wanted = this.value.neighbourhood;
        const match = config.neighbourhoods.find((n) => n.id === wanted || n.cbsCode === wanted);
        if (match && match.id !== wanted) this.value = { ...this.value, neighbourhood: match.id };
      },
      () => {},
    );
  }

  private change(patch: Partial<StartDraft>): void {
    this.value = { ...this.value, ...patch };
    const v = this.value;
    this.draft?.save(v, !v.title && !v.summary && !v.body && !v.themes.length && !v.needs.length);
  }

  private onText(field: 'title' | 'summary' | 'body' | 'neighbourhood', event: Event): void {
    this.change({ [field]: (event.target as HTMLInputElement).value });
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private onToggle<K extends 'themes' | 'needs'>(field: K, item: StartDraft[K][number], event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const current = this.value[field] as string[];
    this.change({ [field]: checked ? [...current, item] : current.filter((x) => x !== item) });
  }

  private validate(): Partial<Record<Field, string>> {
    const v = this.value;
    const errors: Partial<Record<Field, string>> = {};
    if (v.title.trim().length < 3) errors.title = msg('Geef uw initiatief een titel van minstens 3 tekens.', { id: 'start-error-title' });
    if (!v.summary.trim()) errors.summary = msg('Vat uw idee samen in een of twee zinnen.', { id: 'start-error-summary' });
    if (!v.neighbourhood) errors.neighbourhood = msg('Kies de buurt van uw initiatief.', { id: 'start-error-neighbourhood' });
    return errors;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.errors = this.validate();
    const first = (['title', 'summary', 'neighbourhood'] as const).find((field) => this.errors[field]);
    if (first) {
      this.announcement = msg('Niet alles is goed ingevuld. Kijk bij de velden met een melding.', { id: 'start-errors' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const session = this.auth.session;
    if (!session?.signedIn) {
      this.askSignIn();
      return;
    }
    const v = this.value;
    const request: CreateInitiativeRequest = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      body: v.body.trim(),
      neighbourhood: v.neighbourhood,
      themes: v.themes,
      needs: v.needs,
    };
    this.busy = true;
    this.problem = '';
    this.announcement = msg('Bezig met plaatsen…', { id: 'posting' });
    try {
      const initiative = await session.client.initiatives.create(request, { idempotencyKey: this.draft!.postKey(v) });
      this.draft!.clear();
      this.value = { ...EMPTY };
      this.announcement = msg(str`Uw initiatief "${initiative.title}" staat online.`, { id: 'start-created' });
      if (fire(this, 'buurt-initiative-created', { initiative })) {
        this.created = { id: initiative.id, title: initiative.title };
        void this.focusHeading();
      }
    } catch (error) {
      this.problem = writeProblemMessage(problemCode(error));
      this.announcement = this.problem;
    } finally {
      this.busy = false;
    }
  }

  /** A signed-out resident posted: the host (or the plein) shows a sign-in, else this form does. The draft waits. */
  private askSignIn(): void {
    this.announcement = msg('Log eerst in. Uw tekst blijft bewaard.', { id: 'start-sign-in-first' });
    if (!fire(this, 'buurt-sign-in-requested', {})) return;
    this.signInShown = true;
    void loadElement('buurt-sign-in').then(async () => {
      await this.updateComplete;
      await this.renderRoot.querySelector('buurt-sign-in')?.focusHeading();
    });
  }

  private onSignedIn(): void {
    this.signInShown = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus());
  }

  private fieldAttrs(field: Field) {
    return this.errors[field] ? { invalid: 'true', describedBy: `${field}-error` } : { invalid: 'false', describedBy: undefined };
  }

  private renderError(field: Field) {
    const error = this.errors[field];
    return error ? html`<p id="${field}-error" class="field-error">${error}</p>` : nothing;
  }

  private renderText(field: 'title' | 'summary', label: string, hint: string, maxlength: number) {
    const { invalid, describedBy } = this.fieldAttrs(field);
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <p id="${field}-hint" class="hint">${hint}</p>
      <input
        id=${field}
        type="text"
        maxlength=${maxlength}
        required
        .value=${this.value[field]}
        aria-invalid=${invalid}
        aria-describedby="${field}-hint${describedBy ? ` ${describedBy}` : ''}"
        @input=${(event: Event) => this.onText(field, event)}
      />
      ${this.renderError(field)}
    </div>`;
  }

  private renderChoices<K extends 'themes' | 'needs'>(field: K, legend: string, options: readonly StartDraft[K][number][], label: (item: never) => string) {
    const chosen = this.value[field] as string[];
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="choices">
        ${options.map(
          (item) => html`<label class="choice">
            <input type="checkbox" .checked=${chosen.includes(item)} @change=${(event: Event) => this.onToggle(field, item, event)} />
            ${label(item as never)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderForm() {
    const hood = this.fieldAttrs('neighbourhood');
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${this.renderText('title', msg('Titel', { id: 'start-title-label' }), msg('Kort en duidelijk, bijvoorbeeld "Geveltuinen in de Tulpstraat".', { id: 'start-title-hint' }), 120)}
      ${this.renderText('summary', msg('Samenvatting', { id: 'start-summary-label' }), msg('Een of twee zinnen: wat wilt u doen, en waarom?', { id: 'start-summary-hint' }), 300)}
      <div class="field">
        <label for="body">${msg('Uw plan (mag later)', { id: 'start-body-label' })}</label>
        <p id="body-hint" class="hint">${msg('Wat is er nodig, wie doet wat, wanneer? Een lege regel begint een nieuwe alinea.', { id: 'start-body-hint' })}</p>
        <textarea id="body" maxlength="10000" rows="8" aria-describedby="body-hint" .value=${this.value.body} @input=${(event: Event) => this.onText('body', event)}></textarea>
      </div>
      <div class="field">
        <label for="neighbourhood">${msg('Buurt', { id: 'label-neighbourhood' })}</label>
        <select
          id="neighbourhood"
          required
          aria-invalid=${hood.invalid}
          aria-describedby=${hood.describedBy ?? nothing}
          @change=${(event: Event) => this.onText('neighbourhood', event)}
        >
          <option value="" ?selected=${!this.value.neighbourhood}>${msg('Kies een buurt', { id: 'start-choose-neighbourhood' })}</option>
          ${this.neighbourhoods.map((n) => html`<option value=${n.id} ?selected=${this.value.neighbourhood === n.id}>${n.name}</option>`)}
        </select>
        ${this.renderError('neighbourhood')}
      </div>
      ${this.renderChoices('themes', msg('Waar gaat het over?', { id: 'start-themes-legend' }), INITIATIVE_THEMES, initiativeThemeLabel)}
      ${this.renderChoices('needs', msg('Wat heeft u nodig?', { id: 'start-needs-legend' }), INITIATIVE_NEEDS, initiativeNeedLabel)}
      <p class="notice problem" id="post-problem">${this.problem || nothing}</p>
      <div class="actions">
        <button part="button" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'} aria-describedby=${this.problem ? 'post-problem' : nothing}>
          ${this.problem ? msg('Opnieuw plaatsen', { id: 'post-again' }) : msg('Initiatief plaatsen', { id: 'start-submit' })}
        </button>
      </div>
    </form>`;
  }

  override render() {
    const user = this.auth.session?.user;
    return html`<section part="base" class="base stack">
      <h2 part="heading" class="view-heading" tabindex="-1">
        ${this.created ? msg('Uw initiatief staat online', { id: 'start-created-heading' }) : msg('Start een initiatief', { id: 'start-heading' })}
      </h2>
      ${this.created
        ? html`<p><a href=${routeHref({ view: 'initiative', id: this.created.id })}>${this.created.title}</a></p>`
        : html`<p>
              ${user
                ? msg(str`U plaatst dit als ${user.displayName}. Het initiatief blijft van u: u bepaalt wat er gebeurt.`, { id: 'start-intro-signed-in' })
                : msg('U kunt alvast beginnen; om te plaatsen logt u in met uw e-mailadres. Wat u typt, blijft op dit apparaat bewaard.', {
                    id: 'start-intro-signed-out',
                  })}
            </p>
            ${this.signInShown && !user ? html`<buurt-sign-in site=${this.source().site ?? ''} api=${this.source().api} @buurt-user-signed-in=${this.onSignedIn}></buurt-sign-in>` : nothing}
            ${this.renderForm()}`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-start-initiative': BuurtStartInitiative;
  }
}
