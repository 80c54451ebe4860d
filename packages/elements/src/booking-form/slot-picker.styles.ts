import { css } from 'lit';

export const styles = css`
  :host {
    --_bm-slot-min-width: var(--bm-slot-picker-slot-min-width, 8.5rem);
    --_bm-slot-chosen: var(--bm-slot-picker-chosen-color, var(--_bm-color-primary));
  }
  .days,
  .slots {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  .note {
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
  }
  legend {
    font-weight: normal;
    margin-bottom: var(--_bm-space-1);
  }
  .day-row {
    display: flex;
    gap: var(--_bm-space-2);
    overflow-x: auto;
    padding: 4px 4px var(--_bm-space-2);
    scroll-snap-type: x proximity;
  }
  /* Disabled, nothing in the row can take focus to scroll it: the days wrap instead. */
  fieldset:disabled .day-row {
    flex-wrap: wrap;
    overflow-x: visible;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_bm-slot-min-width), 1fr));
    gap: var(--_bm-space-2);
    padding: 4px;
  }
  .chip {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-height: max(24px, var(--_bm-target-size));
    min-width: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
    color: var(--_bm-color-text);
    font-weight: normal;
    text-align: center;
    cursor: pointer;
    scroll-snap-align: start;
  }
  .day {
    flex: 0 0 auto;
    min-width: 5.5rem;
  }
  .chip input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
    pointer-events: none;
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid var(--_bm-color-focus);
    outline-offset: 2px;
  }
  .chip:has(input:checked) {
    background: var(--_bm-slot-chosen);
    border-color: var(--_bm-slot-chosen);
    color: var(--_bm-color-on-primary);
  }
  .chip:has(input:disabled) {
    cursor: not-allowed;
    background: var(--_bm-color-surface-alt);
    color: var(--_bm-color-text-muted);
    border-style: dashed;
  }
  .chip:has(input:disabled) .time {
    text-decoration: line-through;
  }
  .sub {
    font-size: var(--_bm-font-size-small);
  }
  .time {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .chosen {
    font-weight: 600;
  }
  fieldset[aria-invalid='true'] .chip:not(:has(input:disabled)) {
    border-color: var(--_bm-field-invalid);
  }
`;
