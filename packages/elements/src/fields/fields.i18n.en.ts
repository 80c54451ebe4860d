import type { Translation } from '../i18n/localize.js';
import type { FieldMessages } from './fields.i18n.js';

/** English strings of the form fields: loaded on demand, the first time English is shown (see fields.i18n.ts). */
export const en: Translation<FieldMessages> = {
  valueMissing: (label: string) => (label ? `Please fill in “${label}”.` : 'Please fill in this field.'),
  choiceMissing: (label: string) => (label ? `Please choose “${label}”.` : 'Please choose one.'),
  patternMismatch: (label: string) => (label ? `“${label}” is not in the expected format.` : 'Not in the expected format.'),
  tooLong: (max: number) => `At most ${max} characters.`,
  badInput: 'Please enter a whole number.',
  rangeUnderflow: (min: number) => `At least ${min}.`,
  rangeOverflow: (max: number) => `At most ${max}.`,
  decrease: (label: string) => `Decrease ${label}`,
  increase: (label: string) => `Increase ${label}`,
};
