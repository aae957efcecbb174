import { css } from 'lit';

/**
 * Forms and actions, shared by the elements that let residents write: labelled fields, the
 * error under a field, groups of checkboxes, secondary buttons, and notices. Every value comes
 * from the private `--_*` tokens that `hostStyles` sets.
 */
export const formStyles = css`
  form,
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--buurt-color-error, #b00020);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--buurt-color-error, #b00020);
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-top: 0.25rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: 400;
  }
  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .link-button {
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .notice {
    margin: 0;
    padding: 0.75rem var(--_space);
    border-inline-start: 4px solid var(--_primary);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .notice.problem {
    border-color: var(--buurt-color-error, #b00020);
  }
  .notice:empty {
    display: none;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }
  .view-heading {
    font-size: var(--buurt-font-size-heading, 1.75rem);
  }
`;
