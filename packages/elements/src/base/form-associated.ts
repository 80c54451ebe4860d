import { BmElement } from './element.js';

/**
 * A widget that takes part in a host page's `<form>` as a native control does: its value,
 * validity and labels are answered by ElementInternals, and focus goes to its first real input.
 * The fields and the booking form build on it.
 */
export class BmFormAssociated extends BmElement {
  static readonly formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...BmElement.shadowRootOptions, delegatesFocus: true };

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  get labels(): NodeList {
    return this.internals.labels;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
}
