import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { hostStyles } from '../../styles/host.styles.js';
import { listStyles } from '../../styles/list.styles.js';

/** Meetings one under the other; the date stands out, the description keeps its line breaks. */
export const styles = [
  hostStyles,
  formStyles,
  listStyles,
  css`
    .when {
      font-weight: 600;
    }
    .description {
      white-space: pre-line;
    }
    .button.secondary[aria-pressed='true'] {
      background: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
    }
    .actions {
      margin-top: 0.5rem;
    }
  `,
];
