import { css } from 'lit';

/** The queue's cards, the reported text and the audit log. */
export const styles = css`
  .queue {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .heading-row {
    justify-content: space-between;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  .heading-row h3 {
    margin: 0;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .state-hidden,
  .state-pending {
    color: var(--_danger);
    font-weight: 600;
  }
  .reported-text {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_border);
    background: var(--_subtle);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .notes {
    margin: 0 0 0.75rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .decision {
    margin-top: 0.5rem;
  }
  .log .reason {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
