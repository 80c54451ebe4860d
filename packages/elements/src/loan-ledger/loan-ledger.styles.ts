import { css } from 'lit';

export const styles = css`
  :host {
    /* In em, like the lent and due columns: two lines of the widget's type (date over time, or a
       two-line item or status) fit it however large a theme sets the type; 48 px at 16 px type. */
    --_row-height: var(--bm-loan-ledger-row-height, 3em);
    --_viewport-height: var(--bm-loan-ledger-viewport-height, 26rem);
    --_border: var(--bm-loan-ledger-border, var(--_bm-color-border));
    --_head-bg: var(--bm-loan-ledger-head-background, var(--_bm-color-surface-alt));
    --_overdue: var(--bm-loan-ledger-overdue-color, var(--_bm-color-danger));
    display: block;
  }
  /* The h2 (the widget's name) is visually hidden, so it needs no heading styles. */
  h3,
  h4 {
    margin: 0 0 var(--_bm-space-2);
    line-height: 1.3;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  section {
    margin-block: var(--_bm-space-4);
  }
  .muted {
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-2) var(--_bm-space-4);
    margin-bottom: var(--_bm-space-3);
  }
  .toolbar label {
    font-weight: 600;
  }
  select,
  input[type='text'],
  input[type='search'],
  input[type='number'],
  input[type='tel'],
  textarea {
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-1) var(--_bm-space-2);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius-small);
    background: var(--_bm-color-surface);
  }
  textarea {
    min-height: 4rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_bm-color-danger);
    border-width: 2px;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-1);
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-4);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_bm-color-text-muted);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_bm-color-text);
    border-bottom-color: var(--_bm-color-primary);
    font-weight: 600;
  }
  /* Plain tables: the cabinet, the handover, the report. */
  /* Positioned, so that the visually hidden texts in a wide table stay inside its scroll box
     instead of widening the page (a phone's page would slide sideways). */
  .table-wrap {
    position: relative;
    overflow-x: auto;
    margin-bottom: var(--_bm-space-4);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_bm-space-2);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_head-bg);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* On a narrow screen the table scrolls sideways rather than break a heading, a count or a
     button's word letter by letter (and a household, a time or a lateness: .bm-nowrap); names
     and notes still wrap, never narrower than a few characters. */
  thead th,
  td.num,
  td .bm-button {
    white-space: nowrap;
  }
  tbody th[scope='row'] {
    min-width: 8em;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-bottom: 0;
  }
  .rules {
    display: block;
    margin-top: var(--_bm-space-1);
  }
  .bm-button.small {
    min-height: max(24px, 2rem);
    min-width: max(24px, 2rem);
    padding: var(--_bm-space-1) var(--_bm-space-3);
  }
  /* The resident's cabinet */
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_bm-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    padding: var(--_bm-space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
  }
  .card p {
    margin: var(--_bm-space-1) 0 0;
  }
  /* Filters and search */
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_bm-space-3);
    margin-bottom: var(--_bm-space-3);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-1);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .filters legend {
    float: left;
    margin-inline-end: var(--_bm-space-2);
    padding: var(--_bm-space-2) 0;
    font-weight: 600;
  }
  .filters label {
    display: inline-flex;
    align-items: center;
    gap: var(--_bm-space-1);
    min-height: max(24px, var(--_bm-target-size));
    padding: 0 var(--_bm-space-3);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    cursor: pointer;
  }
  .filters label:has(input:checked) {
    border-color: var(--_bm-color-primary);
    box-shadow: inset 0 0 0 1px var(--_bm-color-primary);
    font-weight: 600;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-2);
  }
  .count {
    margin: 0 0 var(--_bm-space-2);
  }
  /* The register: a grid of fixed-height rows, windowed. */
  .grid-scroll {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_bm-radius);
  }
  /* The lent and due columns (--_when) are sized in em, not rem, so that a whole date
     ("2026年12月24日", about 8em; "Dec 24, 2026") still fits when a theme sets larger type: the
     signage theme's 20 px and up once cut it to "2026年12月…". The same 10em as the 10rem of 16 px
     type. Each grid is at least as wide as its columns' minimums, so a row's box holds every cell. */
  .grid {
    --_when: 10em;
    /* A resident's: item, due, status, lent, borrower */
    --_cols: minmax(6rem, 1.4fr) var(--_when) minmax(6.5rem, 1.2fr) var(--_when) minmax(9.5rem, 1.3fr);
    min-width: calc(22rem + 2 * var(--_when));
  }
  /* The desk's: item, household, borrower, lent, due, status, the check-in button */
  .grid[data-actions] {
    --_cols: minmax(8rem, 1.4fr) 7.5rem minmax(9.5rem, 1.3fr) var(--_when) var(--_when) minmax(9rem, 1.2fr) 8rem;
    min-width: calc(42rem + 2 * var(--_when));
  }
  .row {
    display: grid;
    grid-template-columns: var(--_cols);
    align-items: center;
    height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
    background: var(--_bm-color-surface);
  }
  .head .row {
    background: var(--_head-bg);
    font-weight: 600;
  }
  .cell {
    min-width: 0;
    padding: 0 var(--_bm-space-2);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A long item name or status ("逾期 2 天 3 小时") takes a second line in a narrow column. */
  .cell.item,
  .cell.status {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
    line-height: 1.2;
  }
  /* Date over time: two short lines fit the fixed row. */
  .instant {
    display: flex;
    flex-direction: column;
    line-height: 1.2;
  }
  .instant span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell:focus-visible {
    outline-offset: -3px;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_bm-space-1);
    min-height: max(24px, 2rem);
    padding: 0 var(--_bm-space-1);
    border: 0;
    background: none;
    font-weight: 600;
    cursor: pointer;
  }
  .viewport {
    position: relative;
    max-height: var(--_viewport-height);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .spacer {
    position: relative;
  }
  .spacer > .row {
    position: absolute;
    inset-inline: 0;
  }
  .row[data-overdue] {
    box-shadow: inset 4px 0 0 var(--_overdue);
  }
  .late {
    color: var(--_overdue);
    font-weight: 700;
  }
  /* The call link is the cell's only content, so it is not exempt as a link in a sentence:
     at least 24×24 px to tap (WCAG 2.2 SC 2.5.8), still one line that ellipsizes. */
  .borrower a {
    display: inline-block;
    max-width: 100%;
    min-width: 24px;
    line-height: max(24px, 1.5em);
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: middle;
    color: inherit;
  }
  .more-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_bm-space-2);
    color: var(--_bm-color-danger);
  }
  /* Dialogs */
  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: var(--_bm-space-4) var(--_bm-space-6);
    border: 1px solid var(--_border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
    color: var(--_bm-color-text);
    box-shadow: var(--_bm-shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .fields {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_bm-space-3);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-1);
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field label,
  .field legend {
    font-weight: 600;
  }
  .field-error {
    margin: 0;
    color: var(--_bm-color-danger);
    font-size: var(--_bm-font-size-small);
  }
  .conditions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-3);
  }
  .conditions label {
    display: inline-flex;
    align-items: center;
    gap: var(--_bm-space-1);
    min-height: max(24px, var(--_bm-target-size));
    font-weight: 400;
  }
  .notes {
    margin: var(--_bm-space-3) 0 0;
    padding-inline-start: 1.25rem;
  }
  .alert {
    margin: var(--_bm-space-3) 0 0;
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-color-danger);
    border-radius: var(--_bm-radius-small);
    color: var(--_bm-color-danger);
    background: var(--_bm-color-surface);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
    margin-top: var(--_bm-space-4);
  }
  .month-picker {
    display: flex;
    align-items: center;
    gap: var(--_bm-space-2);
    margin-bottom: var(--_bm-space-3);
  }
  .month-picker output {
    min-width: 8em;
    text-align: center;
    font-weight: 600;
  }
  .sign {
    margin-top: var(--_bm-space-6);
  }
  @media (max-width: 30rem) {
    .fields {
      grid-template-columns: 1fr;
    }
  }
  /* The handover sheet and the report print on their own: no controls, the whole register. */
  @media print {
    :host {
      color: #000;
    }
    .no-print,
    .toolbar,
    [role='tablist'],
    dialog {
      display: none !important;
    }
    th,
    td {
      border-bottom-color: #000;
    }
    thead th {
      background: none;
    }
  }
`;
