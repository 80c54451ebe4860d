import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { fieldStyles } from './fields.styles.js';
import { BmFormField, type FieldProblem, type FormStateValue } from './form-field.js';

/** One choice of a radio or checkbox group. */
export interface ChoiceOption {
  value: string;
  label: string;
  /** A second line under the label. */
  description?: string;
  disabled?: boolean;
}

const choiceStyles = css`
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_bm-space-2);
  }
  .option {
    display: flex;
    align-items: flex-start;
    gap: var(--_bm-space-2);
    min-height: max(24px, var(--_bm-target-size));
    padding: var(--_bm-space-2) var(--_bm-space-3);
    border: 1px solid var(--_bm-field-border);
    border-radius: var(--_bm-radius);
    background: var(--_bm-field-background);
    font-weight: normal;
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_bm-color-primary);
    box-shadow: inset 0 0 0 1px var(--_bm-color-primary);
  }
  .option:has(input:disabled) {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input {
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    margin: 0.15em 0 0;
    padding: 0;
    accent-color: var(--_bm-color-primary);
  }
  .text {
    display: flex;
    flex-direction: column;
  }
  .description {
    font-size: var(--_bm-font-size-small);
    color: var(--_bm-color-text-muted);
  }
  fieldset[aria-invalid='true'] .option {
    border-color: var(--_bm-field-invalid);
  }
`;

/** What radio and checkbox groups share: options rendered as native inputs in a fieldset. */
abstract class BmChoiceField<V extends string | string[]> extends BmFormField<V> {
  static override styles = [tokens, baseStyles, fieldStyles, choiceStyles];

  /** The choices. */
  @property({ attribute: false }) options: ChoiceOption[] = [];

  protected abstract readonly inputType: 'radio' | 'checkbox';
  protected abstract isChecked(value: string): boolean;
  protected abstract toggled(input: HTMLInputElement): void;

  /** Nothing chosen (no value, or no values) in a required group. */
  protected valueProblem(): FieldProblem | undefined {
    // `value` is null once its attribute is removed: nothing chosen.
    return this.required && !this.value?.length
      ? { flags: { valueMissing: true }, message: this.fieldText.t('choiceMissing', this.label) }
      : undefined;
  }

  protected validationAnchor(): HTMLElement | undefined {
    const inputs = [...this.renderRoot.querySelectorAll('input')];
    return inputs.find((i) => i.checked && !i.disabled) ?? inputs.find((i) => !i.disabled) ?? inputs[0];
  }

  protected override render(): TemplateResult {
    return html`<fieldset
      class="field"
      part="field"
      role=${ifDefined(this.inputType === 'radio' ? 'radiogroup' : undefined)}
      aria-required=${ifDefined(this.inputType === 'radio' && this.required ? 'true' : undefined)}
      aria-invalid=${ifDefined(this.shownProblem ? 'true' : undefined)}
      aria-describedby=${ifDefined(this.describedBy())}
      ?disabled=${this.isDisabled}
    >
      <legend part="label">${this.renderLabelText()}</legend>
      <div class="options" part="options">
        ${this.options.map(
          (o, i) => html`<label class="option" part="option">
            <input
              type=${this.inputType}
              name="choice"
              part="control"
              .value=${o.value}
              .checked=${live(this.isChecked(o.value))}
              ?disabled=${o.disabled || this.isDisabled}
              aria-describedby=${ifDefined(o.description ? `d${i}` : undefined)}
              @change=${(e: Event) => {
                this.toggled(e.target as HTMLInputElement);
                this.committed();
              }}
            />
            <span class="text"
              ><span part="option-label">${o.label}</span>${o.description
                ? html`<span id=${`d${i}`} class="description" part="option-description">${o.description}</span>`
                : nothing}</span
            >
          </label>`,
        )}
      </div>
      ${this.renderHelp()}
    </fieldset>`;
  }
}

/**
 * A form-associated group of radio buttons (one choice). Native radios: arrow keys move and
 * choose, Tab enters the group at the chosen one.
 *
 * @summary A labelled group of radio buttons that takes part in its form.
 * @tagname bm-radio-group
 * @csspart field - The fieldset.
 * @csspart label - The legend.
 * @csspart required - The required mark.
 * @csspart options - The row of options.
 * @csspart option - One option (its label).
 * @csspart control - The native radio.
 * @csspart option-label - The text of an option.
 * @csspart option-description - The second line of an option.
 * @csspart hint - The help text.
 * @csspart error-message - The error shown under the group.
 * @cssproperty --bm-field-border-color - Border of the options.
 * @cssproperty --bm-field-background - Background of the options.
 * @cssproperty --bm-field-invalid-color - Colour of the error.
 * @cssproperty --bm-field-gap - Space between the label, the control and the messages (default `--bm-space-1`).
 * @cssstate invalid - An error is shown.
 * @cssstate disabled - The group is disabled (itself or by a fieldset).
 * @event input - The choice changed (native, composed).
 * @event change - The person chose an option (re-dispatched, composed).
 */
export class BmRadioGroup extends BmChoiceField<string> {
  /** The initially chosen value, restored by a form reset. */
  @property({ attribute: 'value' }) defaultValue = '';

  protected readonly inputType = 'radio';

  protected isChecked(value: string): boolean {
    return this.value === value;
  }

  protected toggled(input: HTMLInputElement): void {
    if (input.checked) this.edited(input.value);
  }

  protected formValue(): string | null {
    return this.value === '' ? null : this.value;
  }

  protected parseState(state: FormStateValue): string | undefined {
    return typeof state === 'string' ? state : state === null ? '' : undefined;
  }
}

/** `value="tea projector"`: the chosen values, separated by spaces. */
const tokenList = {
  fromAttribute: (v: string | null): string[] => (v ?? '').split(/\s+/).filter(Boolean),
  toAttribute: (v: string[]): string => v.join(' '),
};

/**
 * A form-associated group of checkboxes (any number of choices). Each chosen value is one entry
 * under `name` in the form's FormData, as with native checkboxes sharing a name.
 *
 * @summary A labelled group of checkboxes that takes part in its form.
 * @tagname bm-checkbox-group
 * @csspart field - The fieldset.
 * @csspart label - The legend.
 * @csspart required - The required mark.
 * @csspart options - The row of options.
 * @csspart option - One option (its label).
 * @csspart control - The native checkbox.
 * @csspart option-label - The text of an option.
 * @csspart option-description - The second line of an option.
 * @csspart hint - The help text.
 * @csspart error-message - The error shown under the group.
 * @cssproperty --bm-field-border-color - Border of the options.
 * @cssproperty --bm-field-background - Background of the options.
 * @cssproperty --bm-field-invalid-color - Colour of the error.
 * @cssproperty --bm-field-gap - Space between the label, the control and the messages (default `--bm-space-1`).
 * @cssstate invalid - An error is shown.
 * @cssstate disabled - The group is disabled (itself or by a fieldset).
 * @event input - A box was ticked or cleared (native, composed).
 * @event change - The person changed the choice (re-dispatched, composed).
 */
export class BmCheckboxGroup extends BmChoiceField<string[]> {
  /** The initially chosen values (attribute: separated by spaces), restored by a form reset. */
  @property({ attribute: 'value', converter: tokenList }) defaultValue: string[] = [];

  protected readonly inputType = 'checkbox';

  protected isChecked(value: string): boolean {
    return this.value.includes(value);
  }

  protected toggled(input: HTMLInputElement): void {
    // In the options' order, whatever the order of ticking: the box just ticked or cleared, and those ticked before.
    this.edited(this.options.map((o) => o.value).filter((v) => (v === input.value ? input.checked : this.value.includes(v))));
  }

  protected formValue(): FormData | null {
    if (!this.name || this.value.length === 0) return null;
    const data = new FormData();
    for (const v of this.value) data.append(this.name, v);
    return data;
  }

  protected override formState(): FormStateValue {
    return this.value.join(' ');
  }

  protected parseState(state: FormStateValue): string[] | undefined {
    if (typeof state === 'string') return tokenList.fromAttribute(state);
    if (state instanceof FormData) return state.getAll(this.name).filter((v): v is string => typeof v === 'string');
    return state === null ? [] : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-radio-group': BmRadioGroup;
    'bm-checkbox-group': BmCheckboxGroup;
  }
}
