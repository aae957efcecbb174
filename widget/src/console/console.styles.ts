import { css } from 'lit';

/**
 * What every console element shares: type, colours that meet WCAG AA, a visible focus ring,
 * fields with their errors, buttons, tables and messages. The console is a tool for staff and
 * is not themed by the site; the site's theme only shows in the settings' preview.
 */
export const consoleStyles = css`
  :host {
    --_text: #1b1b1b;
    --_muted: #4a4a4a;
    --_primary: #154273;
    --_danger: #a3141c;
    --_surface: #fff;
    --_subtle: #f3f4f6;
    --_border: #8a8a8a;
    --_focus: #1b1b1b;
    --_radius: 0.375rem;
    --_space: 1rem;
    display: block;
    color: var(--_text);
    font: 1rem/1.5 system-ui, sans-serif;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.2rem;
  }
  h4 {
    font-size: 1rem;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--_primary);
  }
  section + section,
  .stack > * + * {
    margin-top: calc(var(--_space) * 1.5);
  }
  form,
  fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  fieldset {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 36rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem;
  }
  label {
    font-weight: 600;
  }
  .found-users {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1.5rem;
    padding: 0;
    list-style: none;
  }
  .found-users li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375rem;
    font-weight: 400;
  }
  input,
  select,
  textarea {
    min-height: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[type='checkbox'] {
    min-height: 1.25rem;
    width: 1.25rem;
    height: 1.25rem;
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.375rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #fff;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  button.secondary,
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .message {
    padding: 0.75rem var(--_space);
    border: 1px solid var(--_border);
    border-left-width: 6px;
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .message.error {
    border-color: var(--_danger);
  }
  .message.warning {
    border-color: #8a5a00;
  }
  .message.success {
    border-color: #2e6b30;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  code,
  .mono {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
