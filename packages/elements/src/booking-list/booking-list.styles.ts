import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--bm-booking-list-gap, var(--_bm-space-3));
    --_card-bg: var(--bm-booking-list-card-background, var(--_bm-color-surface));
    --_card-border: var(--bm-booking-list-card-border, var(--_bm-color-border));
    --_star: var(--bm-booking-list-star-color, var(--_bm-color-warning));
    display: block;
  }
  .muted {
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
  }
  .offline {
    margin: 0 0 var(--_bm-space-3);
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-color-warning);
    border-radius: var(--_bm-radius);
    color: var(--_bm-color-warning);
    background: var(--_bm-color-surface);
  }
  [role='tablist'] {
    display: flex;
    gap: var(--_bm-space-1);
    border-bottom: 1px solid var(--_bm-color-border);
    margin-bottom: var(--_bm-space-3);
  }
  .tab {
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-4);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    cursor: pointer;
    color: var(--_bm-color-text-muted);
  }
  .tab[aria-selected='true'] {
    color: var(--_bm-color-text);
    border-bottom-color: var(--_bm-color-primary);
    font-weight: 600;
  }
  [role='tabpanel']:focus-visible {
    outline-offset: 4px;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-3) var(--_bm-space-4);
    border: 1px solid var(--_card-border);
    border-inline-start-width: 4px;
    border-inline-start-color: var(--_status, var(--_card-border));
    border-radius: var(--_bm-radius);
    background: var(--_card-bg);
    min-width: 0;
  }
  /* The status's colour, on the card's edge and its label (data-status on both). */
  [data-status='confirmed'],
  [data-status='in-progress'] {
    --_status: var(--_bm-color-primary);
  }
  [data-status='completed'] {
    --_status: var(--_bm-color-success);
  }
  [data-status='cancelled'],
  [data-status='rejected'],
  [data-status='no-show'] {
    --_status: var(--_bm-color-text-muted);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_bm-space-2);
  }
  .service {
    margin: 0;
    font-size: var(--_bm-font-size-large);
    line-height: 1.3;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  /* The label is the status; the colour only repeats it. */
  .status {
    flex: none;
    padding: 0 var(--_bm-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_bm-radius-small);
    font-size: var(--_bm-font-size-small);
    color: var(--_status, var(--_bm-color-text-muted));
  }
  /* Not yet confirmed: the label only; the card's edge stays plain. */
  .status[data-status='requested'],
  .status[data-status='quote-requested'],
  .status[data-status='quoted'] {
    color: var(--_bm-color-warning);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_bm-space-1) var(--_bm-space-3);
    margin: 0;
  }
  .details > div {
    display: contents;
  }
  .details dt,
  .closed {
    color: var(--_bm-color-text-muted);
  }
  .details dd,
  .note,
  .closed,
  .comment {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .closed a {
    color: var(--_bm-color-primary);
    display: inline-block;
    min-height: 24px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-2);
  }
  .confirm,
  .feedback {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-3);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface-alt);
  }
  .confirm-title {
    margin: 0;
    font-weight: 600;
  }
  textarea {
    width: 100%;
    padding: var(--_bm-space-2);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius-small);
    background: var(--_bm-color-surface);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_bm-color-danger);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_bm-space-1);
    font-weight: 600;
  }
  .kind {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-4);
  }
  .kind legend {
    width: 100%;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_bm-space-2);
    min-height: 24px;
    cursor: pointer;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  .stars-input {
    display: flex;
    align-items: center;
    gap: var(--_bm-space-1);
  }
  .star {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: max(24px, var(--_bm-target-size));
    min-height: max(24px, var(--_bm-target-size));
    border-radius: var(--_bm-radius-small);
    cursor: pointer;
    font-size: 1.75em;
    line-height: 1;
    color: var(--_bm-color-border);
  }
  .star[data-on='true'] {
    color: var(--_star);
  }
  .star:has(input:focus-visible) {
    outline: 3px solid var(--_bm-color-focus);
    outline-offset: 1px;
  }
  .rating-name {
    margin-inline-start: var(--_bm-space-2);
  }
  .given {
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface-alt);
  }
  .given p {
    margin: 0;
  }
  .stars {
    color: var(--_star);
    letter-spacing: 0.1em;
  }
  .action-error {
    margin: 0;
    color: var(--_bm-color-danger);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-3);
    margin-top: var(--_bm-space-3);
  }
  @media (prefers-reduced-motion: no-preference) {
    .tab,
    .star {
      transition: color 120ms ease, border-color 120ms ease;
    }
  }
  @media (forced-colors: active) {
    .star[data-on='true'] {
      color: Highlight;
    }
  }
`;
