import { css } from 'lit';

/**
 * The board is its own size container: type scales with its width (`cqi`), so the same board is
 * legible on 1920×1080 and 3840×2160, landscape or portrait, and stays page-sized when embedded.
 * Give the host a height (e.g. `height: 100vh`) for paging; without one every row is shown.
 */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    container: bm-fee-board / inline-size;
    --_gap: var(--bm-fee-board-gap, 1em);
    --_price-color: var(--bm-fee-board-price-color, var(--_bm-color-primary));
    --_header-bg: var(--bm-fee-board-header-background, var(--_bm-color-surface-alt));
    --_row-pad: var(--bm-fee-board-row-padding, 0.3em);
    --_dim: var(--bm-fee-board-dim-brightness, 0.45);
  }
  p,
  h2,
  h3,
  ul {
    margin: 0;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  .board {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--_bm-color-surface);
    color: var(--_bm-color-text);
    font-size: var(--_fs);
    line-height: 1.3;
  }
  .board[data-layout='landscape'] {
    --_fs: var(--bm-fee-board-font-size, clamp(1rem, 1.55cqi, 5rem));
    --_columns: var(--bm-fee-board-columns, 2);
  }
  .board[data-layout='portrait'] {
    --_fs: var(--bm-fee-board-font-size, clamp(1rem, 2.7cqi, 5rem));
    --_columns: 1;
  }
  .board[data-layout='embedded'] {
    --_fs: var(--bm-fee-board-font-size, var(--_bm-font-size));
    --_columns: 1;
    --_gap: var(--bm-fee-board-gap, var(--_bm-space-4));
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
  }
  .board[data-dim] {
    filter: brightness(var(--_dim));
  }

  /* Header and footer never move with the rows; they shift a few px every 10 minutes (burn-in). */
  .static {
    transform: translate(var(--_shift-x, 0), var(--_shift-y, 0));
  }
  .board[data-layout='embedded'] .static {
    transform: none;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-end;
    gap: 0.4em 2em;
    padding: 0.6em var(--_gap);
    background: var(--_header-bg);
    border-bottom: 0.15em solid var(--_bm-color-primary);
  }
  .compound {
    font-size: 0.9em;
    color: var(--_bm-color-text-muted);
  }
  .title {
    font-size: 1.7em;
    line-height: 1.15;
    font-weight: 700;
  }
  .facts {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.15em;
    font-size: 0.85em;
    text-align: end;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0 1em;
    color: var(--_bm-color-text-muted);
  }
  [part='phone'] {
    font-size: 1.15em;
    font-weight: 700;
  }
  [part='phone'] .label {
    font-weight: 400;
    color: var(--_bm-color-text-muted);
    margin-inline-end: 0.4em;
  }
  [part='phone-link'] {
    color: inherit;
    font-variant-numeric: tabular-nums;
    display: inline-block;
    min-height: 24px;
  }
  .upcoming {
    color: var(--_bm-color-warning);
  }
  .board[data-layout='embedded'] header {
    border-radius: var(--_bm-radius) var(--_bm-radius) 0 0;
  }
  .board[data-layout='embedded'] .title {
    font-size: 1.35em;
  }

  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
    display: grid;
    grid-template-columns: repeat(var(--_columns, 1), minmax(0, 1fr));
    column-gap: calc(var(--_gap) * 2);
    align-items: start;
    align-content: start;
    padding: 0 var(--_gap);
  }
  .board[data-layout='embedded'] .body {
    overflow: visible;
    padding-bottom: var(--_gap);
  }
  /* Embedded, every row is on the page: rows out of view skip style, layout and paint. */
  .board[data-layout='embedded'] [data-row] {
    content-visibility: auto;
    contain-intrinsic-size: auto 2.6em;
  }
  .body[data-measuring] {
    visibility: hidden;
  }
  .column {
    min-width: 0;
  }
  .group {
    padding-top: 0.55em;
  }
  .section-title {
    font-size: 0.9em;
    font-weight: 700;
    color: var(--_bm-color-primary);
    padding-bottom: 0.15em;
    border-bottom: 0.08em solid var(--_bm-color-primary);
  }
  .row,
  .note-row {
    padding: var(--_row-pad) 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: 1em;
    border-bottom: 1px solid var(--_bm-color-border);
  }
  .name {
    grid-column: 1;
    overflow-wrap: anywhere;
  }
  .price {
    grid-column: 2;
    grid-row: 1;
    max-width: 14em;
    text-align: end;
    font-weight: 700;
    color: var(--_price-color);
    font-variant-numeric: tabular-nums;
  }
  .note,
  .bands {
    grid-column: 1 / -1;
    font-size: 0.72em;
    color: var(--_bm-color-text-muted);
  }
  .note-row,
  .unavailable .detail {
    font-size: 0.8em;
    color: var(--_bm-color-text-muted);
  }
  .empty {
    padding: var(--_gap) 0;
    color: var(--_bm-color-text-muted);
  }

  .unavailable {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    gap: 0.6em;
    padding: 2em var(--_gap);
    text-align: center;
  }
  .unavailable .big {
    font-size: 1.6em;
    font-weight: 700;
  }

  footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.1em;
    padding: 0.35em var(--_gap);
    border-top: 1px solid var(--_bm-color-border);
    color: var(--_bm-color-text-muted);
  }
  /* Smaller type inside the footer only, so its padding lines up with the header's. */
  footer > * {
    font-size: 0.75em;
  }
  .clock {
    color: var(--_bm-color-text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .offline {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_bm-color-warning);
  }
  .dot {
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }
  .pager {
    margin-inline-start: auto;
    display: inline-flex;
    align-items: center;
    gap: 0.6em;
    font-variant-numeric: tabular-nums;
  }
  .progress {
    position: relative;
    width: 8em;
    height: 0.35em;
    border-radius: 0.2em;
    overflow: hidden;
    background: var(--_bm-color-border);
  }
  .fill {
    position: absolute;
    inset: 0;
    background: var(--_bm-color-primary);
    transform-origin: left center;
    transform: scaleX(var(--_to));
    animation: bm-fee-board-fill var(--_page-ms) linear both;
  }
  @keyframes bm-fee-board-fill {
    from {
      transform: scaleX(var(--_from));
    }
    to {
      transform: scaleX(var(--_to));
    }
  }
  .fallback-phone {
    padding: var(--_bm-space-2) var(--_bm-space-4);
  }
  @media (prefers-reduced-motion: reduce) {
    /* A static indicator: the bar shows how far through the pages the board is, without moving. */
    .fill {
      animation: none;
    }
  }
`;
