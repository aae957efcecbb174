import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** The sign-in screens: one short form at a time. */
export const styles = [
  hostStyles,
  formStyles,
  css`
    .base {
      max-width: 32rem;
    }
    p {
      margin: 0;
    }
    .code {
      max-width: 10rem;
      font-size: 1.5rem;
      letter-spacing: 0.25em;
      font-variant-numeric: tabular-nums;
    }
  `,
];
