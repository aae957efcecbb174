import { css } from 'lit';

/**
 * The paged lists of meetings and professionals: items as bordered blocks, their titles and
 * secondary lines, the skeleton's bones (each as high as the line it stands for) and "Meer tonen".
 */
export const listStyles = css`
  p,
  h3 {
    margin: 0;
  }
  .items {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .title {
    font-size: var(--buurt-font-size-title, 1.25rem);
    line-height: 1.25;
  }
  .meta {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .title-bone {
    block-size: 1.25em;
    margin-block: 0.125em;
    inline-size: 60%;
    font-size: var(--buurt-font-size-title, 1.25rem);
    background: var(--_bone);
  }
  .line-bone {
    block-size: 1em;
    margin-block: 0.25em;
    inline-size: 80%;
    background: var(--_bone);
  }
  .line-bone:last-child {
    inline-size: 45%;
  }
  .more {
    display: flex;
    justify-content: center;
  }
`;
