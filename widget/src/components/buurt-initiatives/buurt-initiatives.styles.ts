import { css } from 'lit';

// Every themeable value is read once on :host into a private `--_*` property: a site's
// `--buurt-*` token wins, then the NL Design System token the host page may define, then
// a default that meets WCAG AA contrast on its own.
export const styles = css`
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
  p,
  h3 {
    margin: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .list {
    display: grid;
    /* min(100%, …) lets a card shrink below the track size: one column at 400% zoom. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* Titles reserve two lines and summaries three, so the skeleton has the loaded height. */
  .title {
    min-height: 2.5em;
    font-size: var(--buurt-font-size-title, 1.25rem);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    min-height: 4.5em;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .status {
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
    color: var(--_text);
    font-weight: 600;
  }
  .supporters {
    margin-top: auto;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .skeleton {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .bone {
    color: transparent;
  }
  .title.bone {
    background: linear-gradient(var(--_bone), var(--_bone)) 0 0.125em / 70% 1em no-repeat;
  }
  .status.bone {
    inline-size: 6em;
    background: var(--_bone);
  }
  .summary.bone {
    background: repeating-linear-gradient(transparent 0 0.25em, var(--_bone) 0 1.25em, transparent 0 1.5em);
  }
  .supporters.bone {
    background: linear-gradient(var(--_bone), var(--_bone)) 0 0.25em / 10em 1em no-repeat;
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
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    margin-top: var(--_space);
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
