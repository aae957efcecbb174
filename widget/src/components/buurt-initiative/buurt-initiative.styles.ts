import { css } from 'lit';
import { pluginViewStyles } from '../../plugins/plugin-view.styles.js';
import { hostStyles } from '../../styles/host.styles.js';

/** One initiative's page: heading, facts, body text, and a skeleton while it loads. */
export const styles = [
  hostStyles,
  pluginViewStyles,
  css`
    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    p,
    h2,
    dl,
    dd,
    ul {
      margin: 0;
    }
    .heading {
      min-height: 1.25em;
      font-size: var(--buurt-font-size-heading, 1.75rem);
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .heading.bone {
      background: linear-gradient(var(--_bone), var(--_bone)) 0 0.125em / min(24em, 80%) 1em no-repeat;
    }
    .summary {
      font-size: 1.125rem;
      overflow-wrap: anywhere;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }
    .facts > div {
      display: contents;
    }
    dt {
      color: var(--_muted);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      padding: 0;
      list-style: none;
    }
    .tag {
      padding: 0 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .meta {
      color: var(--_muted);
    }
    /* Line breaks inside a paragraph stay line breaks; the text is never read as HTML. */
    .body {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      max-width: 70ch;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .line.bone {
      height: 1.5em;
      background: linear-gradient(var(--_bone), var(--_bone)) 0 0.25em / 100% 1em no-repeat;
    }
    .line.short {
      width: 40%;
    }
  `,
];
