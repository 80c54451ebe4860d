import type { Translation } from '../i18n/localize.js';
import type { SlotPickerMessages } from './slot-picker.i18n.js';

/** English strings of `<bm-slot-picker>`: loaded on demand, the first time English is shown (see slot-picker.i18n.ts). */
export const en: Translation<SlotPickerMessages> = {
  label: 'Time',
  days: 'Day',
  slotsOf: (day: string) => `Times on ${day}`,
  today: 'Today',
  tomorrow: 'Tomorrow',
  dayShort: (month: number, day: number) => `${month}/${day}`,
  freeCount: (n: number) => `${n} free`,
  dayFull: 'Full',
  dayClosed: 'Closed',
  left: (n: number) => `${n} left`,
  available: 'Available',
  full: 'Taken',
  'too-soon': 'Too late to book',
  closed: 'Not bookable',
  'quota-reached': 'Daily limit of your home reached',
  noSlots: 'No time can be booked in these days. Please call the service desk.',
  dayNotOpen: 'Not open for booking on this day. Please choose another day.',
  clear: 'No preferred time',
  timePassed: 'The time you chose has passed. Please choose another.',
  endsAfterClose: 'For the duration now chosen, the time you chose would run past closing. Please choose another.',
  chosen: (when: string) => `Chosen: ${when}`,
  zoneNote: (zone: string) => (zone === 'Asia/Shanghai' ? 'Times are Beijing time (UTC+8).' : `Times are ${zone} time.`),
};
