import { html, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { fieldStyles } from './fields.styles.js';
import { BmFormField, type FieldProblem, type FormStateValue } from './form-field.js';

const patterns = new Map<string, RegExp | null>();
/** The `pattern` attribute as a native input reads it: the whole value must match. */
function compile(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null; // an invalid pattern is ignored, as by a native input
    }
    patterns.set(pattern, re);
  }
  return re;
}

/**
 * A form-associated text field: one line (`type` text, tel or email) or several (`multiline`), with
 * a label, a hint and its error. Checks `required`, `pattern` (whole value, like a native input) and
 * `maxlength`, with messages in the page's language.
 *
 * @summary A labelled text field that takes part in its form.
 * @tagname bm-text-field
 * @csspart field - The wrapper of label, control and messages.
 * @csspart label - The label.
 * @csspart required - The required mark.
 * @csspart input - The native input or textarea.
 * @csspart hint - The help text.
 * @csspart error-message - The error shown next to the control.
 * @cssproperty --bm-field-border-color - Border of the control.
 * @cssproperty --bm-field-background - Background of the control.
 * @cssproperty --bm-field-invalid-color - Colour of the error and of an invalid control's border.
 * @cssproperty --bm-field-gap - Space between the label, the control and the messages (default `--bm-space-1`).
 * @cssstate invalid - An error is shown.
 * @cssstate disabled - The field is disabled (itself or by a fieldset).
 * @event input - Each keystroke (the native event, composed).
 * @event change - The person committed a new value (re-dispatched, composed).
 */
export class BmTextField extends BmFormField<string> {
  static override styles = [tokens, baseStyles, fieldStyles];

  /** The initial value, restored by a form reset. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** `text`, `tel` or `email`. */
  @property() type: 'text' | 'tel' | 'email' = 'text';

  /** Several lines (a textarea). */
  @property({ type: Boolean }) multiline = false;

  /** Lines shown by a multiline field. */
  @property({ type: Number }) rows = 3;

  /** A regular expression the whole value must match (as a native input's `pattern`). */
  @property() pattern?: string;

  /** The message when the value does not match `pattern`. */
  @property({ attribute: 'pattern-message' }) patternMessage?: string;

  /** The longest value accepted, in characters. */
  @property({ type: Number, attribute: 'maxlength' }) maxLength?: number;

  /** Passed to the native control (`name`, `tel`, `off`…). */
  @property() autocomplete?: string;

  /** The virtual keyboard (`numeric`, `tel`, `text`…). */
  @property({ attribute: 'inputmode' }) keyboard?: string;

  @query('#input') private input?: HTMLInputElement | HTMLTextAreaElement;

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
    // Only spaces is nothing typed: the SDK trims them away and would refuse the empty value.
    if (v.trim() === '') {
      return this.required ? { flags: { valueMissing: true }, message: this.fieldText.t('valueMissing', this.label) } : undefined;
    }
    if (this.maxLength !== undefined && this.maxLength >= 0 && [...v].length > this.maxLength) {
      return { flags: { tooLong: true }, message: this.fieldText.t('tooLong', this.maxLength) };
    }
    const re = this.pattern ? compile(this.pattern) : null;
    if (re && !re.test(v)) {
      return { flags: { patternMismatch: true }, message: this.patternMessage || this.fieldText.t('patternMismatch', this.label) };
    }
    return undefined;
  }

  private onInput(e: Event): void {
    this.edited((e.target as HTMLInputElement).value);
  }

  /** Enter in a one-line field submits its form, as in a native input (not while an IME is composing). */
  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !this.multiline && !e.isComposing && !e.defaultPrevented) this.form?.requestSubmit();
  }

  protected override render(): TemplateResult {
    const invalid = this.shownProblem ? 'true' : undefined;
    const describedBy = this.describedBy();
    // On one line: the build leaves a literal with a <textarea> as written (see scripts/lit-literals.mjs).
    const control = this.multiline
      ? html`<textarea id="input" part="input" rows=${this.rows} .value=${live(this.value)} ?required=${this.required} ?disabled=${this.isDisabled} maxlength=${ifDefined(this.maxLength)} autocomplete=${ifDefined(this.autocomplete as HTMLTextAreaElement['autocomplete'] | undefined)} inputmode=${ifDefined(this.keyboard)} aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(describedBy)} @input=${this.onInput} @change=${this.committed}></textarea>`
      : html`<input
          id="input"
          part="input"
          type=${this.type}
          .value=${live(this.value)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          maxlength=${ifDefined(this.maxLength)}
          pattern=${ifDefined(this.pattern)}
          autocomplete=${ifDefined(this.autocomplete as HTMLInputElement['autocomplete'] | undefined)}
          inputmode=${ifDefined(this.keyboard)}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy)}
          @input=${this.onInput}
          @change=${this.committed}
          @keydown=${this.onKeydown}
        />`;
    return html`<div class="field" part="field">
      <label for="input" part="label">${this.renderLabelText()}</label>
      ${control} ${this.renderHelp()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-text-field': BmTextField;
  }
}
