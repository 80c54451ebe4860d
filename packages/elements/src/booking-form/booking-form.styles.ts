import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_bm-booking-form-gap: var(--bm-booking-form-gap, var(--_bm-space-4));
    --_bm-booking-form-background: var(--bm-booking-form-background, var(--_bm-color-surface));
    max-width: var(--bm-booking-form-max-width, 40rem);
  }
  form,
  .receipt {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-booking-form-gap);
    padding: var(--_bm-space-4);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-booking-form-background);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_bm-booking-form-gap);
  }
  .group > legend {
    font-weight: 600;
    margin-bottom: var(--_bm-space-2);
    padding: 0;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--_bm-space-3);
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_bm-font-size-large);
  }
  h3 {
    font-size: var(--_bm-font-size);
  }
  .header p {
    margin: var(--_bm-space-1) 0 0;
  }
  .price {
    font-weight: 600;
    color: var(--_bm-color-primary);
  }
  .muted,
  .note,
  .detail {
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
    margin: 0;
  }
  .quote {
    padding: var(--_bm-space-3);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface-alt);
  }
  .quote ul {
    list-style: none;
    margin: var(--_bm-space-2) 0 0;
    padding: 0;
  }
  .quote li,
  .total {
    display: flex;
    justify-content: space-between;
    gap: var(--_bm-space-3);
    font-variant-numeric: tabular-nums;
  }
  .total {
    margin: var(--_bm-space-2) 0 0;
    padding-top: var(--_bm-space-2);
    border-top: 1px solid var(--_bm-color-border);
    font-size: var(--_bm-font-size-large);
  }
  .failure {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-3);
    border: 2px solid var(--_bm-color-danger);
    border-radius: var(--_bm-radius);
    color: var(--_bm-color-text);
  }
  .failure strong {
    color: var(--_bm-color-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
  }
  .receipt h2:focus {
    outline: none;
  }
  .receipt h2:focus-visible {
    outline: 3px solid var(--_bm-color-focus);
  }
  .receipt h2::before {
    content: '✓ ';
    color: var(--_bm-color-success);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_bm-space-1) var(--_bm-space-4);
    margin: 0;
  }
  dl > div {
    display: contents;
  }
  dt {
    color: var(--_bm-color-text-muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  [hidden] {
    display: none !important;
  }
`;
