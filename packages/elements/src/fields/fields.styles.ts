import { css } from 'lit';

/** The look every field shares: label above, control, hint and error below. */
export const fieldStyles = css`
  :host {
    display: block;
    --_bm-field-gap: var(--bm-field-gap, var(--_bm-space-1));
    --_bm-field-border: var(--bm-field-border-color, var(--_bm-color-border));
    --_bm-field-background: var(--bm-field-background, var(--_bm-color-surface));
    --_bm-field-invalid: var(--bm-field-invalid-color, var(--_bm-color-danger));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-field-gap);
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  label,
  legend,
  .label {
    font-weight: 600;
    padding: 0;
  }
  .required {
    color: var(--_bm-field-invalid);
  }
  input,
  textarea {
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-field-border);
    border-radius: var(--_bm-radius-small);
    background: var(--_bm-field-background);
    width: 100%;
  }
  textarea {
    resize: vertical;
  }
  input:disabled,
  textarea:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [aria-invalid='true'] {
    border-color: var(--_bm-field-invalid);
    border-width: 2px;
  }
  .hint {
    font-size: var(--_bm-font-size-small);
    color: var(--_bm-color-text-muted);
  }
  .error {
    font-size: var(--_bm-font-size-small);
    color: var(--_bm-field-invalid);
    font-weight: 600;
  }
  [hidden] {
    display: none !important;
  }
`;
