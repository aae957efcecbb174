import { css } from 'lit';
import { formStyles } from '../../styles/form.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** Comments and their replies, indented by depth. */
export const styles = [
  hostStyles,
  formStyles,
  css`
    p {
      margin: 0;
    }
    .comments {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .comments .comments {
      margin-top: 0.75rem;
      padding-inline-start: var(--_space);
      border-inline-start: 3px solid var(--_border);
    }
    .comment {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .byline {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .author {
      font-weight: 600;
      color: var(--_text);
    }
    .badge {
      padding: 0 0.5rem;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      color: var(--_text);
    }
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .gone {
      font-style: italic;
      color: var(--_muted);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.25rem;
    }
    /* The first tool's text lines up with the comment's without a negative margin, which pushed the buttons out of a narrow element. */
    .tools > :first-child {
      padding-inline-start: 0;
    }
    .post-form,
    .report {
      margin-top: 0.5rem;
    }
  `,
];
