import { css } from 'lit';

/**
 * System tokens. Every widget reads `--bm-*` custom properties from the page, with these
 * defaults; a theme (themes/*.css) or a host page sets them on `:root` or any ancestor.
 * Component tokens (`--bm-fee-board-row-padding`, …) default to system tokens in each widget.
 */
export const tokens = css`
  :host {
    --_bm-color-primary: var(--bm-color-primary, #0b6e4f);
    --_bm-color-on-primary: var(--bm-color-on-primary, #ffffff);
    --_bm-color-surface: var(--bm-color-surface, #ffffff);
    --_bm-color-surface-alt: var(--bm-color-surface-alt, #f3f5f4);
    --_bm-color-text: var(--bm-color-text, #1c2321);
    --_bm-color-text-muted: var(--bm-color-text-muted, #56605c);
    --_bm-color-border: var(--bm-color-border, #c9d1ce);
    --_bm-color-danger: var(--bm-color-danger, #b3261e);
    --_bm-color-on-danger: var(--bm-color-on-danger, #ffffff);
    --_bm-color-warning: var(--bm-color-warning, #8a5300);
    --_bm-color-success: var(--bm-color-success, #1e6b34);
    --_bm-color-focus: var(--bm-color-focus, #1a5fb4);
    --_bm-font-family: var(--bm-font-family, system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_bm-font-size: var(--bm-font-size, 1rem);
    --_bm-font-size-small: var(--bm-font-size-small, 0.875rem);
    --_bm-font-size-large: var(--bm-font-size-large, 1.25rem);
    --_bm-line-height: var(--bm-line-height, 1.5);
    --_bm-space-1: var(--bm-space-1, 0.25rem);
    --_bm-space-2: var(--bm-space-2, 0.5rem);
    --_bm-space-3: var(--bm-space-3, 0.75rem);
    --_bm-space-4: var(--bm-space-4, 1rem);
    --_bm-space-6: var(--bm-space-6, 1.5rem);
    --_bm-radius: var(--bm-radius, 0.5rem);
    --_bm-radius-small: var(--bm-radius-small, 0.25rem);
    --_bm-target-size: var(--bm-target-size, 2.75rem);
    --_bm-shadow: var(--bm-shadow, 0 1px 3px rgb(0 0 0 / 0.12), 0 4px 12px rgb(0 0 0 / 0.08));
    font-family: var(--_bm-font-family);
    font-size: var(--_bm-font-size);
    line-height: var(--_bm-line-height);
    color: var(--_bm-color-text);
  }
`;

/** Shared look: buttons, fields, and the loading / empty / error states. */
export const baseStyles = css`
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .bm-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_bm-space-2);
    min-height: max(24px, var(--_bm-target-size));
    min-width: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-4);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
    color: var(--_bm-color-text);
    cursor: pointer;
    text-decoration: none;
  }
  .bm-button[data-variant='primary'] {
    background: var(--_bm-color-primary);
    border-color: var(--_bm-color-primary);
    color: var(--_bm-color-on-primary);
  }
  .bm-button[data-variant='danger'] {
    background: var(--_bm-color-danger);
    border-color: var(--_bm-color-danger);
    color: var(--_bm-color-on-danger);
  }
  .bm-button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_bm-color-focus);
    outline-offset: 2px;
  }
  .bm-state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-4);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface-alt);
    color: var(--_bm-color-text-muted);
  }
  .bm-state[data-kind='error'] {
    color: var(--_bm-color-danger);
    border: 1px solid currentColor;
    background: var(--_bm-color-surface);
  }
  /* A failed refresh: the error above the data that stays. */
  .bm-state[data-kind='error']:not(:last-child) {
    margin-block-end: var(--_bm-space-3);
  }
  .bm-state .detail {
    font-size: var(--_bm-font-size-small);
    color: var(--_bm-color-text-muted);
  }
  .bm-spinner {
    width: 1.25em;
    height: 1.25em;
    border: 0.2em solid var(--_bm-color-border);
    border-top-color: var(--_bm-color-primary);
    border-radius: 50%;
    animation: bm-spin 0.8s linear infinite;
  }
  @keyframes bm-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bm-spinner {
      animation-duration: 3s;
    }
  }
  /* A phone number or a code that must not break across lines (base/keep-whole.ts). */
  .bm-nowrap {
    white-space: nowrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
