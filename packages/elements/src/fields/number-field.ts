import { css, html, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { fieldStyles } from './fields.styles.js';
import { BmFormField, type FieldProblem, type FormStateValue } from './form-field.js';

const WHOLE = /^\d+$/;

/**
 * A form-associated whole-number field (a quantity, people, hours) with its unit after it and − / +
 * buttons. The native `<input type=number>` keeps its own keys (↑ ↓); the buttons are for pointers
 * and are skipped by Tab. The value is a string of digits, as in a native number input; checks
 * `required`, whole numbers, `min` and `max`.
 *
 * @summary A labelled whole-number field with a unit that takes part in its form.
 * @tagname bm-number-field
 * @csspart field - The wrapper of label, control and messages.
 * @csspart label - The label.
 * @csspart required - The required mark.
 * @csspart input - The native number input.
 * @csspart unit - The unit after the input.
 * @csspart decrement - The − button.
 * @csspart increment - The + button.
 * @csspart hint - The help text.
 * @csspart error-message - The error shown next to the control.
 * @cssproperty --bm-field-border-color - Border of the control.
 * @cssproperty --bm-field-background - Background of the control.
 * @cssproperty --bm-field-invalid-color - Colour of the error and of an invalid control's border.
 * @cssproperty --bm-field-gap - Space between the label, the control and the messages (default `--bm-space-1`).
 * @cssstate invalid - An error is shown.
 * @cssstate disabled - The field is disabled (itself or by a fieldset).
 * @event input - The value changed (native, composed; also sent for − and +).
 * @event change - The person committed a new value (re-dispatched, composed).
 */
export class BmNumberField extends BmFormField<string> {
  static override styles = [
    tokens,
    baseStyles,
    fieldStyles,
    css`
      .stepper {
        display: flex;
        align-items: center;
        gap: var(--_bm-space-2);
      }
      input {
        width: 6em;
        text-align: center;
      }
      .bm-button {
        padding: 0;
        font-size: var(--_bm-font-size-large);
        line-height: 1;
      }
    `,
  ];

  /** The initial value, restored by a form reset. */
  @property({ attribute: 'value' }) defaultValue = '';

  @property({ type: Number }) min?: number;

  @property({ type: Number }) max?: number;

  /** The unit shown after the input ("小时", "人"). */
  @property() unit = '';

  @query('#input') private input?: HTMLInputElement;

  /** Typed text that is not a number (the native input then reports an empty value). */
  private badInput?: boolean;

  /** The value as a number; NaN when empty or not a whole number. */
  get valueAsNumber(): number {
    return WHOLE.test(this.value) ? Number(this.value) : Number.NaN;
  }

  protected formValue(): string | null {
    return this.value;
  }

  protected parseState(state: FormStateValue): string | undefined {
    return typeof state === 'string' ? state : undefined;
  }

  protected validationAnchor(): HTMLElement | undefined {
    return this.input;
  }

  protected valueProblem(): FieldProblem | undefined {
    const v = this.value;
    if (this.badInput || (v !== '' && !WHOLE.test(v))) return { flags: { badInput: true }, message: this.fieldText.t('badInput') };
    if (v === '') return this.required ? { flags: { valueMissing: true }, message: this.fieldText.t('valueMissing', this.label) } : undefined;
    const n = Number(v);
    if (this.min != null && n < this.min) return { flags: { rangeUnderflow: true }, message: this.fieldText.t('rangeUnderflow', this.min) };
    if (this.max != null && n > this.max) return { flags: { rangeOverflow: true }, message: this.fieldText.t('rangeOverflow', this.max) };
    return undefined;
  }

  override formResetCallback(): void {
    this.badInput = false;
    super.formResetCallback();
  }

  /** The unit is read with the input ("2, 小时"). */
  protected override describedBy(): string | undefined {
    return [this.unit ? 'unit' : '', super.describedBy() ?? ''].filter(Boolean).join(' ') || undefined;
  }

  private onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.badInput = input.validity.badInput;
    this.edited(input.value);
  }

  /**
   * − and +: one step, kept within min and max; never below 0, as the field takes whole numbers. A
   * removed attribute (null) is no bound.
   */
  private step(by: number): void {
    const current = Number.isNaN(this.valueAsNumber) ? (this.min ?? 0) : this.valueAsNumber;
    const next = Math.min(this.max ?? Infinity, Math.max(this.min ?? 0, current + by));
    this.badInput = false;
    this.edited(String(next));
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.committed();
  }

  protected override render(): TemplateResult {
    const n = this.valueAsNumber;
    const disabled = this.isDisabled;
    return html`<div class="field" part="field">
      <label for="input" part="label">${this.renderLabelText()}</label>
      <div class="stepper">
        <button
          type="button"
          class="bm-button"
          part="decrement"
          tabindex="-1"
          aria-label=${this.fieldText.t('decrease', this.label)}
          ?disabled=${disabled || n <= (this.min ?? 0)}
          @click=${() => this.step(-1)}
        >
          −
        </button>
        <input
          id="input"
          part="input"
          type="number"
          inputmode="numeric"
          step="1"
          min=${ifDefined(this.min ?? undefined)}
          max=${ifDefined(this.max ?? undefined)}
          .value=${live(this.value)}
          ?required=${this.required}
          ?disabled=${disabled}
          aria-invalid=${ifDefined(this.shownProblem ? 'true' : undefined)}
          aria-describedby=${ifDefined(this.describedBy())}
          @input=${this.onInput}
          @change=${this.committed}
        />
        ${this.unit ? html`<span id="unit" part="unit">${this.unit}</span>` : ''}
        <button
          type="button"
          class="bm-button"
          part="increment"
          tabindex="-1"
          aria-label=${this.fieldText.t('increase', this.label)}
          ?disabled=${disabled || (this.max != null && n >= this.max)}
          @click=${() => this.step(1)}
        >
          +
        </button>
      </div>
      ${this.renderHelp()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-number-field': BmNumberField;
  }
}
