import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';
import { listStyles } from '../../styles/list.styles.js';

/** Cards in as many 17rem columns as fit, one at 400% zoom; the badge and the topics stand out. */
export const styles = [
  hostStyles,
  listStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .items {
      /* min(100%, …) lets a card shrink below the track size: one column at 400% zoom. */
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    }
    .badge {
      align-self: flex-start;
      margin-block: 0.25rem;
      padding: 0 0.5rem;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      font-size: 0.875rem;
    }
    .label {
      font-weight: 600;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tag {
      padding: 0 0.5rem;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
      font-size: 0.875rem;
    }
    .bio {
      margin-top: 0.5rem;
      white-space: pre-line;
    }
  `,
];
