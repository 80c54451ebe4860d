import { defineElement } from '../base/define.js';
import { BmBookingForm } from '../booking-form/booking-form.js';
import { BmSlotPicker } from '../booking-form/slot-picker.js';
import { BmCheckboxGroup, BmRadioGroup } from '../fields/choice-field.js';
import { BmNumberField } from '../fields/number-field.js';
import { BmTextField } from '../fields/text-field.js';

// The fields first: the form renders them.
defineElement('bm-text-field', BmTextField);
defineElement('bm-number-field', BmNumberField);
defineElement('bm-radio-group', BmRadioGroup);
defineElement('bm-checkbox-group', BmCheckboxGroup);
defineElement('bm-slot-picker', BmSlotPicker);
defineElement('bm-booking-form', BmBookingForm);
export { BmBookingForm, BmSlotPicker, BmTextField, BmNumberField, BmRadioGroup, BmCheckboxGroup };
