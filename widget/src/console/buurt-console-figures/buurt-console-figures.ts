import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { localized, msg } from '@lit/localize';
import type { InitiativeStatus, NeighbourhoodFigures } from '@buurtplein/sdk/contract';
import { initiativeStatusLabel } from '../../labels/initiative-status.js';
import type { ConsoleApi } from '../console-api.js';
import { number } from '../console-format.js';
import { announceSessionEnded, problemMessage, sessionEnded } from '../console-problems.js';
import { consoleStyles } from '../console.styles.js';

/** Statuses in the order of an initiative's life. */
const STATUSES: InitiativeStatus[] = ['idea', 'gathering', 'planning', 'active', 'completed', 'paused', 'archived'];

/**
 * The figures section: per neighbourhood the site shows, its initiatives by status, how many ask
 * for help, the median time from asking to the first professional offer, and accepted offers;
 * with a download of the same figures as CSV.
 *
 * @fires buurt-console-session-ended - The API no longer accepts the session.
 */
@localized()
export class BuurtConsoleFigures extends LitElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    site: {},
    figures: { state: true },
    error: { state: true },
    downloadError: { state: true },
  };

  api?: ConsoleApi;
  site = '';

  private figures?: NeighbourhoodFigures[];
  private error = '';
  private downloadError = '';
  private loadedKey?: string;

  override willUpdate(): void {
    if (this.api && this.site !== this.loadedKey) {
      this.loadedKey = this.site;
      void this.load();
    }
  }

  private failed(error: unknown): string {
    if (sessionEnded(error)) announceSessionEnded(this);
    return problemMessage(error);
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      this.figures = (await this.api!.figures()).data;
    } catch (error) {
      this.error = this.failed(error);
    }
  }

  /** The export needs the session's token, which a plain link cannot send: fetch it, then save it. */
  private async download(event: Event): Promise<void> {
    event.preventDefault();
    this.downloadError = '';
    try {
      const blob = await this.api!.figuresCsv();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `buurtplein-${this.site}-cijfers.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.downloadError = this.failed(error);
    }
  }

  private hours(value: number | null): string {
    if (value === null) return msg('geen aanbod', { id: 'console-no-offers' });
    return value < 48 ? `${number(value, 1)} ${msg('uur', { id: 'console-hours' })}` : `${number(value / 24, 1)} ${msg('dagen', { id: 'console-days' })}`;
  }

  override render() {
    if (this.error) return html`<p class="message error">${this.error}</p>`;
    if (!this.figures) return html`<p>${msg('Laden…', { id: 'console-loading' })}</p>`;
    return html`<p>
        <a class="button secondary" href=${this.api!.figuresCsvUrl()} download @click=${this.download}>${msg('Download CSV', { id: 'console-download-csv' })}</a>
      </p>
      ${this.downloadError ? html`<p class="message error" role="alert">${this.downloadError}</p>` : nothing}
      ${this.figures.length === 0
        ? html`<p class="message">${msg('Deze site toont geen buurten.', { id: 'console-figures-empty' })}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-caption">
            <table class="figures">
              <caption id="figures-caption">${msg('Initiatieven en hulp per buurt', { id: 'console-figures-caption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Buurt', { id: 'console-neighbourhood' })}</th>
                  ${STATUSES.map((s) => html`<th scope="col" class="number">${initiativeStatusLabel(s)}</th>`)}
                  <th scope="col" class="number">${msg('Vraagt hulp', { id: 'console-with-needs' })}</th>
                  <th scope="col" class="number">${msg('Mediane tijd tot eerste aanbod van een professional', { id: 'console-median' })}</th>
                  <th scope="col" class="number">${msg('Aanvaard hulpaanbod', { id: 'console-accepted' })}</th>
                </tr>
              </thead>
              <tbody>
                ${this.figures.map(
                  (f) => html`<tr>
                    <th scope="row">${f.neighbourhood.name}</th>
                    ${STATUSES.map((s) => html`<td class="number">${number(f.initiativesByStatus[s] ?? 0)}</td>`)}
                    <td class="number">${number(f.initiativesWithNeeds)}</td>
                    <td class="number">${this.hours(f.medianHoursToFirstOffer)}</td>
                    <td class="number">${number(f.acceptedOffers)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buurt-console-figures': BuurtConsoleFigures;
  }
}
