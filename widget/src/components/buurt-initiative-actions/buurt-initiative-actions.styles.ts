import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** The initiative's sections for taking part: actions, organiser tools, timeline, help, meetings. */
export const styles = [
  hostStyles,
  formStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 1.5);
    }
    section {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    p {
      margin: 0;
    }
    .items {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .meta {
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .badge {
      align-self: flex-start;
      padding: 0 0.5rem;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      font-size: 0.875rem;
    }
    .button[aria-pressed='true'] {
      background: var(--_surface);
      color: var(--_primary);
    }
  `,
];
