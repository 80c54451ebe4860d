import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BmFormAssociated } from '../base/form-associated.js';
import { Localize } from '../i18n/localize.js';
import { fieldMessages, type FieldMessages } from './fields.i18n.js';

/** What is wrong with a field's value: the ValidityState flags and the message shown and reported. */
export interface FieldProblem {
  flags: ValidityStateFlags;
  message: string;
}

/** The value a form keeps for a field between page loads (bfcache, back/forward, autofill). */
export type FormStateValue = string | File | FormData | null;

/**
 * The base of every Bianmin form field: a form-associated custom element (ElementInternals) with a
 * real native control inside. It takes part in its `<form>` like a native control: its value goes
 * into the form's FormData under `name`, its validity (anchored on the inner control) blocks
 * submission and is reported by `reportValidity()`, `form.reset()` restores its default value,
 * `<fieldset disabled>` disables it, and the browser restores its state on back/forward.
 *
 * `value` follows `defaultValue` (the `value` attribute) until it is set by the person or by code,
 * like a native input's dirty flag; reset clears that flag.
 *
 * Errors are shown next to the control (with `aria-invalid` and `aria-describedby`) once the person
 * has committed a value, or once the form was checked (`invalid` event), not while first typing.
 */
export abstract class BmFormField<V = string> extends BmFormAssociated {

  /** The name of the value in the form's FormData. */
  @property({ reflect: true }) name = '';

  /** The visible label. */
  @property() label = '';

  /** A help text under the control, linked with `aria-describedby`. */
  @property() hint = '';

  @property({ type: Boolean, reflect: true }) required = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The value the field starts with and returns to on reset. */
  abstract defaultValue: V;

  /** Errors are shown once the person committed a value or the form was checked. */
  @state() protected touched = false;
  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() protected formDisabled = false;
  /** A message set with `setCustomValidity` (a server's verdict); cleared by the next edit. */
  @state() protected customMessage = '';

  protected readonly fieldText = new Localize<FieldMessages>(this, fieldMessages);

  /** The value set by the person or by code; undefined while the field follows its default. */
  private ownValue: V | undefined;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A `value` set on the element before its class was defined shadows the accessor: move it over.
    if (Object.prototype.hasOwnProperty.call(this, 'value')) {
      const early = (this as unknown as { value: V }).value;
      delete (this as unknown as { value?: V }).value;
      this.value = early;
    }
    this.syncForm();
  }

  /** The current value. */
  get value(): V {
    return this.ownValue !== undefined ? this.ownValue : this.defaultValue;
  }
  set value(v: V) {
    const old = this.value;
    this.ownValue = v;
    this.requestUpdate('value', old);
    this.syncForm();
  }

  override reportValidity(): boolean {
    this.touched = true;
    return super.reportValidity();
  }
  /** Marks the field invalid with a message (e.g. the server's); an empty string clears it. */
  setCustomValidity(message: string): void {
    this.customMessage = message;
    if (message) this.touched = true;
    this.syncForm();
  }

  /** Focuses the real control (the anchor of its validity), not a helper button before it. */
  override focus(options?: FocusOptions): void {
    const target = this.validationAnchor();
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Disabled by its own attribute or by a disabled fieldset around it. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formResetCallback(): void {
    const old = this.value;
    this.ownValue = undefined;
    this.touched = false;
    this.customMessage = '';
    this.requestUpdate('value', old);
    this.syncForm();
  }

  formStateRestoreCallback(state: FormStateValue): void {
    const value = this.parseState(state);
    if (value !== undefined) this.value = value;
  }

  /** The value as it goes into the form's FormData (null: no entry). */
  protected abstract formValue(): string | FormData | null;
  /** What is wrong with the value itself (required, format, range), if anything. */
  protected abstract valueProblem(): FieldProblem | undefined;
  /** The real control the validity is anchored on (focused by reportValidity). */
  protected abstract validationAnchor(): HTMLElement | null | undefined;
  /** A value from the state the form saved; undefined when it cannot be read. */
  protected abstract parseState(state: FormStateValue): V | undefined;
  /** The state the form keeps for restoring; by default the form value. */
  protected formState(): FormStateValue {
    return this.formValue();
  }

  /** The problem in force: a custom message wins over the value's own problem. */
  protected get problem(): FieldProblem | undefined {
    if (this.customMessage) return { flags: { customError: true }, message: this.customMessage };
    return this.valueProblem();
  }

  /** The problem shown next to the control. */
  protected get shownProblem(): FieldProblem | undefined {
    return this.touched && !this.isDisabled ? this.problem : undefined;
  }

  /** Writes the value and validity into ElementInternals. */
  protected syncForm(): void {
    this.internals.setFormValue(this.formValue(), this.formState());
    const p = this.problem;
    const anchor = this.validationAnchor() ?? undefined;
    if (p) this.internals.setValidity(p.flags, p.message, anchor);
    else this.internals.setValidity({});
    this.setCustomState('invalid', Boolean(this.shownProblem));
    this.setCustomState('disabled', this.isDisabled);
  }

  /** The person changed the value: a server message no longer applies. */
  protected edited(value: V): void {
    this.customMessage = '';
    this.value = value;
  }

  /** The person committed a value: validate from now on and tell the page (`change` is re-dispatched composed). */
  protected committed(): void {
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
  }

  /** The ids for `aria-describedby`: the hint and, when shown, the error. */
  protected describedBy(): string | undefined {
    const ids = [this.hint ? 'hint' : '', this.shownProblem ? 'error' : ''].filter(Boolean).join(' ');
    return ids || undefined;
  }

  /** The label text with a visible "required" mark (the control itself says `required` to assistive technology). */
  protected renderLabelText(label = this.label): TemplateResult {
    return html`${label}${this.required
      ? html`<span class="required" part="required" aria-hidden="true"> *</span>`
      : nothing}`;
  }

  /** The hint and the error message under the control. */
  protected renderHelp(): TemplateResult {
    const p = this.shownProblem;
    return html`${this.hint ? html`<div id="hint" part="hint" class="hint">${this.hint}</div>` : nothing}
      <div id="error" part="error-message" class="error" ?hidden=${!p}>${p?.message ?? ''}</div>`;
  }
}
