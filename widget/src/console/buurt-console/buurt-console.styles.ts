import { css } from 'lit';

/** The console's frame: a bar with the title, site and user, the section tabs and the section. */
export const styles = css`
  :host {
    max-width: 72rem;
    margin: 0 auto;
    padding: var(--_space);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 2);
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  h1 {
    margin: 0;
    font-size: 1.75rem;
    flex: 1 1 auto;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .who p {
    margin: 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: var(--_space) 0;
    border-bottom: 2px solid var(--_border);
  }
  .tabs a {
    display: inline-block;
    padding: 0.625rem 1rem;
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
    border-bottom: 4px solid transparent;
  }
  .tabs a:hover {
    text-decoration: underline;
  }
  .tabs a[aria-current='page'] {
    border-bottom-color: var(--_primary);
    color: var(--_text);
  }
  main {
    padding-top: var(--_space);
  }
  main > h2 {
    margin-bottom: var(--_space);
  }
`;
