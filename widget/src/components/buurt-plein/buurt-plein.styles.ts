import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';

/** The shell: a heading and filter bar above the list, or the back link above one initiative. */
export const styles = [
  hostStyles,
  css`
    .view {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .view[hidden] {
      display: none;
    }
    h2 {
      margin: 0;
      font-size: var(--buurt-font-size-heading, 1.75rem);
      line-height: 1.25;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: min(100%, 14rem);
    }
    label {
      font-weight: 600;
    }
    select {
      min-height: 2.75rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .account {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 0.5rem var(--_space);
    }
    .account a,
    .link-button {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
    }
    .link-button {
      padding: 0 0.25rem;
      border: 0;
      background: none;
      color: var(--_primary);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    [part~='start-link'],
    .help-button {
      padding: 0 1.25rem;
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 600;
      text-decoration: none;
    }
    .help-button {
      align-self: flex-start;
      min-height: 2.75rem;
      border: 0;
      font: inherit;
      cursor: pointer;
    }
    [part~='back-link'] {
      align-self: flex-start;
      padding-block: 0.5rem;
    }
  `,
];
