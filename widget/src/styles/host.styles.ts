import { css } from 'lit';

/**
 * What every element shares: the theme tokens, the host box, focus, buttons, messages and the
 * skeleton's pulse. Every themeable value is read once on :host into a private `--_*` property:
 * a site's `--buurt-*` token wins, then the NL Design System token the host page may define,
 * then a default that meets WCAG AA contrast on its own.
 */
export const hostStyles = css`
  :host {
    --_font: var(--buurt-font-family, var(--utrecht-document-font-family, system-ui, sans-serif));
    --_text: var(--buurt-color-text, var(--utrecht-document-color, #1b1b1b));
    --_muted: var(--buurt-color-text-muted, var(--utrecht-document-color, #4a4a4a));
    --_primary: var(--buurt-color-primary, var(--utrecht-link-color, #154273));
    --_on-primary: var(--buurt-color-on-primary, var(--utrecht-button-primary-action-color, #fff));
    --_surface: var(--buurt-color-surface, var(--utrecht-document-background-color, #fff));
    --_border: var(--buurt-color-border, #b4b4b4);
    --_focus: var(--buurt-color-focus, var(--utrecht-focus-outline-color, #1b1b1b));
    --_radius: var(--buurt-radius, var(--utrecht-border-radius, 0.5rem));
    --_space: var(--buurt-space, 1rem);
    --_bone: color-mix(in srgb, var(--_text) 14%, var(--_surface));
    display: block;
    font-family: var(--_font);
    font-size: var(--buurt-font-size, var(--utrecht-document-font-size, 1rem));
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  .skeleton {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .bone {
    color: transparent;
  }
  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .message {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .status {
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
    color: var(--_text);
    font-weight: 600;
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
