import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** The start form: one column of labelled fields, readable at 400% zoom. */
export const styles = [
  hostStyles,
  formStyles,
  css`
    .base {
      max-width: 44rem;
    }
    p {
      margin: 0;
    }
  `,
];
