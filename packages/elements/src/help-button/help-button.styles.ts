import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_offset: var(--bm-help-button-offset, var(--_bm-space-4));
    --_background: var(--bm-help-button-background, var(--_bm-color-danger));
    --_color: var(--bm-help-button-color, var(--_bm-color-surface));
    --_dialog-width: var(--bm-help-button-dialog-width, min(36rem, calc(100vw - 2rem)));
  }
  /* Floating: clear of the notch and the home indicator (safe-area insets). */
  :host(:not([inline])) {
    position: fixed;
    z-index: var(--bm-help-button-z-index, 1000);
    right: calc(var(--_offset) + env(safe-area-inset-right, 0px));
    bottom: calc(var(--_offset) + env(safe-area-inset-bottom, 0px));
  }
  :host(:not([inline])[position='bottom-left']),
  :host(:not([inline])[position='top-left']) {
    right: auto;
    left: calc(var(--_offset) + env(safe-area-inset-left, 0px));
  }
  :host(:not([inline])[position='top-right']),
  :host(:not([inline])[position='top-left']) {
    bottom: auto;
    top: calc(var(--_offset) + env(safe-area-inset-top, 0px));
  }
  .trigger {
    min-height: max(3.5rem, var(--_bm-target-size));
    padding-inline: var(--_bm-space-6);
    border-radius: 999px;
    border-color: var(--_background);
    background: var(--_background);
    color: var(--_color);
    font-size: var(--_bm-font-size-large);
    font-weight: 700;
    box-shadow: var(--_bm-shadow);
  }
  .trigger-mark {
    font-size: 1.4em;
    line-height: 1;
  }
  dialog {
    width: var(--_dialog-width);
    max-width: 100vw;
    /* vh first: dvh needs Chrome 108, one past the WeChat Android baseline. */
    max-height: calc(100vh - 2rem - env(safe-area-inset-top, 0px) - env(safe-area-inset-bottom, 0px));
    max-height: calc(100dvh - 2rem - env(safe-area-inset-top, 0px) - env(safe-area-inset-bottom, 0px));
    padding: 0;
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
    color: var(--_bm-color-text);
    box-shadow: var(--_bm-shadow);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: bm-help-in 150ms ease-out;
    }
  }
  @keyframes bm-help-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-4);
    padding: 0 var(--_bm-space-4) var(--_bm-space-4);
  }
  header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_bm-space-2);
    padding-top: var(--_bm-space-3);
    background: var(--_bm-color-surface);
  }
  h2,
  h3 {
    margin: 0;
    font-size: var(--_bm-font-size-large);
  }
  h3:focus:not(:focus-visible) {
    outline: none;
  }
  .close {
    padding: 0;
    font-size: 1.5rem;
    line-height: 1;
  }
  p {
    margin: 0;
  }
  form,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-4);
  }
  .group {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-2);
  }
  .group > legend {
    padding: 0;
    margin-bottom: var(--_bm-space-2);
    font-weight: 600;
  }
  .kinds {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: var(--_bm-space-2);
  }
  .kind,
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_bm-space-2);
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    cursor: pointer;
  }
  /* A long label wraps beside its radio, with the badge at the end. */
  .kind > span:not(.badge),
  .choice > span {
    flex: 1;
    min-width: 0;
  }
  .kind[data-emergency] {
    border-color: var(--_bm-color-danger);
  }
  .kind:has(input:checked),
  .choice:has(input:checked) {
    background: var(--_bm-color-surface-alt);
    box-shadow: inset 0 0 0 2px var(--_bm-color-primary);
  }
  input[type='radio'] {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_bm-color-primary);
  }
  .badge {
    margin-inline-start: auto;
    padding: 0 var(--_bm-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_bm-radius-small);
    color: var(--_bm-color-danger);
    font-size: var(--_bm-font-size-small);
    font-weight: 600;
  }
  .calls {
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-3);
    border: 2px solid var(--_bm-color-danger);
    border-radius: var(--_bm-radius);
  }
  .calls ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .calls a {
    font-weight: 700;
  }
  /* The surface colour on the danger colour: readable in the light and the dark theme alike. */
  .emergency {
    border-color: var(--_bm-color-danger);
    background: var(--_bm-color-danger);
    color: var(--_bm-color-surface);
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_bm-space-2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-1);
  }
  .field input,
  .field textarea {
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface);
  }
  .field input:user-invalid,
  .field textarea:user-invalid {
    border: 2px solid var(--_bm-color-danger);
  }
  .hint,
  .meta,
  .detail,
  .intro {
    color: var(--_bm-color-text-muted);
    font-size: var(--_bm-font-size-small);
  }
  .problem,
  .failure {
    color: var(--_bm-color-danger);
    font-weight: 600;
  }
  .entries {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: flex;
    flex-direction: column;
    gap: var(--_bm-space-2);
    padding: var(--_bm-space-3);
    border: 1px solid var(--_bm-color-border);
    border-radius: var(--_bm-radius);
  }
  .entry[data-state='failed'] {
    border: 2px solid var(--_bm-color-danger);
  }
  .entry[data-state='delivered'] .entry-state {
    color: var(--_bm-color-success);
  }
  .entry-state {
    font-weight: 700;
  }
  .countdown {
    font-size: var(--_bm-font-size-large);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .countdown[data-overdue] {
    color: var(--_bm-color-danger);
  }
  .reply,
  .referral {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_bm-space-1);
    padding: var(--_bm-space-3);
    border-radius: var(--_bm-radius);
    background: var(--_bm-color-surface-alt);
  }
  .label {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
  }
`;
