import { css } from 'lit';
import { hostStyles } from '../../styles/host.styles.js';

/** The list's own layout: cards in a grid, and a skeleton of the same height. */
export const styles = [
  hostStyles,
  css`
    p,
    h3 {
      margin: 0;
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
      position: relative;
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
    .title a {
      color: inherit;
      text-underline-offset: 0.15em;
    }
    /* The title's link covers the whole card, so the card is one click target. */
    .title a::after {
      content: '';
      position: absolute;
      inset: 0;
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
    .supporters {
      margin-top: auto;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    /* Bones are drawn as lines of text, each 1em high with the gaps of 1.5em lines. */
    .bone {
      background: repeating-linear-gradient(transparent 0 0.25em, var(--_bone) 0 1.25em, transparent 0 1.5em);
    }
    .status.bone {
      inline-size: 6em;
      background: var(--_bone);
    }
    .more .bone {
      box-sizing: border-box;
      inline-size: 9em;
      border-color: transparent;
      background: var(--_bone);
    }
    .more {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.5rem;
      margin-top: var(--_space);
    }
  `,
];
