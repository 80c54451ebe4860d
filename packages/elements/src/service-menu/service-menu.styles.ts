import { css, type CSSResult } from 'lit';

/**
 * The handbook layout (便民服务手册): categories as headings, each service with its price on one
 * line, no search, chips or buttons. Written once, applied under `@media print` and on screen
 * with the `handbook` attribute.
 */
const handbook = (host: CSSResult): CSSResult => css`
  ${host} {
    --_price-color: currentColor;
    color: #000;
    background: #fff;
  }
  ${host} .controls,
  ${host} .count,
  ${host} .actions,
  ${host} .more,
  ${host} [part~='clear-search'] {
    display: none !important;
  }
  ${host} .handbook-header {
    display: block;
    text-align: center;
    border-bottom: 2px solid currentColor;
    margin-bottom: var(--_bm-space-4);
  }
  ${host} .list {
    display: block;
    column-width: 18rem;
    column-gap: var(--_bm-space-6);
  }
  ${host} .category {
    margin-bottom: var(--_bm-space-4);
  }
  ${host} .category-title {
    break-after: avoid;
    border-bottom: 1px solid currentColor;
  }
  ${host} .subcategory-title {
    break-after: avoid;
  }
  ${host} .items {
    gap: 0;
  }
  ${host} .item {
    break-inside: avoid;
    border: 0;
    border-radius: 0;
    padding: 0.15rem 0;
    background: none;
  }
  ${host} .head {
    flex-wrap: nowrap;
  }
  ${host} .head::after {
    content: '';
    order: 1;
    flex: 1 1 1rem;
    border-bottom: 1px dotted currentColor;
    margin: 0 0.25rem 0.3em;
  }
  ${host} .price {
    order: 2;
    white-space: nowrap;
  }
  ${host} .note,
  ${host} .bands,
  ${host} .hours {
    color: inherit;
  }
`;

export const styles = css`
  :host {
    display: block;
    --_gap: var(--bm-service-menu-gap, var(--_bm-space-4));
    --_item-bg: var(--bm-service-menu-item-background, var(--_bm-color-surface));
    --_item-border: var(--bm-service-menu-item-border, var(--_bm-color-border));
    --_item-pad: var(--bm-service-menu-item-padding, var(--_bm-space-3));
    --_price-color: var(--bm-service-menu-price-color, var(--_bm-color-primary));
    --_heading-color: var(--bm-service-menu-heading-color, var(--_bm-color-text));
    --_chip-radius: var(--bm-service-menu-chip-radius, 999px);
  }
  [hidden] {
    display: none !important;
  }
  .menu,
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .handbook-header {
    display: none;
  }
  .handbook-header p {
    margin: 0 0 var(--_bm-space-1);
  }
  .handbook-title {
    font-size: 1.6em;
    font-weight: 700;
    letter-spacing: 0.1em;
  }
  .controls {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-3);
  }
  .search input,
  .chip {
    min-height: max(24px, var(--_bm-target-size));
    border: 1px solid var(--_bm-color-border);
    background: var(--_bm-color-surface);
  }
  .search input {
    width: 100%;
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border-radius: var(--_bm-radius);
  }
  .search input::placeholder {
    color: var(--_bm-color-text-muted);
    opacity: 1;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
  }
  .chip {
    min-width: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-1) var(--_bm-space-4);
    border-radius: var(--_chip-radius);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--_bm-color-primary);
    border-color: var(--_bm-color-primary);
    color: var(--_bm-color-on-primary);
  }
  .more {
    align-self: center;
  }
  .category-title,
  .subcategory-title {
    margin: 0 0 var(--_bm-space-2);
    color: var(--_heading-color);
    line-height: 1.3;
  }
  .category-title {
    font-size: var(--_bm-font-size-large);
  }
  .subcategory-title {
    font-size: var(--_bm-font-size);
    margin-top: var(--_bm-space-3);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-2);
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-1);
    padding: var(--_item-pad);
    border: 1px solid var(--_item-border);
    border-radius: var(--_bm-radius);
    background: var(--_item-bg);
  }
  .item:focus-visible {
    outline-offset: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_bm-space-1) var(--_bm-space-3);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .price {
    color: var(--_price-color);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .count,
  .note,
  .hours,
  .bands,
  .mode,
  .notes {
    margin: 0;
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
  }
  .bands {
    padding-inline-start: 1.2em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-2);
    margin-top: var(--_bm-space-1);
  }
  .actions .bm-button {
    padding-block: var(--_bm-space-1);
  }
  .notes {
    border-top: 1px solid var(--_bm-color-border);
  }
  .notes ul {
    margin: var(--_bm-space-2) 0 0;
    padding-inline-start: 1.2em;
  }

  ${handbook(css`:host([handbook])`)}

  @media print {
    ${handbook(css`:host`)}
  }
`;
