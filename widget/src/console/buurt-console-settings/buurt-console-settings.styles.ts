import { css } from 'lit';

/** Token rows and the theme preview, which reads the site's `--buurt-*` tokens as the widget does. */
export const styles = css`
  .tokens {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .checks {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
  }
  .preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    max-width: 36rem;
    padding: 1rem;
    border: 2px solid var(--buurt-color-border, #b4b4b4);
    border-radius: var(--buurt-radius, 0.5rem);
    background: var(--buurt-color-surface, #fff);
    color: var(--buurt-color-text, #1b1b1b);
    font-family: var(--buurt-font-family, system-ui, sans-serif);
  }
  .preview-title {
    width: 100%;
    font-size: 0.875rem;
    color: var(--buurt-color-text-muted, #4a4a4a);
  }
  .preview-text {
    font-weight: 600;
  }
  .preview-button {
    padding: 0.375rem 1rem;
    border-radius: var(--buurt-radius, 0.5rem);
    background: var(--buurt-color-primary, #154273);
    color: var(--buurt-color-on-primary, #fff);
    font-weight: 600;
  }
  .secret-field {
    flex: 1 1 20rem;
  }
`;
