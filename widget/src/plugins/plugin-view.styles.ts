import { css } from 'lit';

/** The plugins' part of an initiative view: their buttons in a row, their sections one under another. */
export const pluginViewStyles = css`
  .plugin-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .plugin-section {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  .plugin-section h3 {
    margin: 0;
    font-size: 1.125rem;
  }
`;
