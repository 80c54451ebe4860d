import { defineElement } from '../base/define.js';
import { BmBookingList } from '../booking-list/booking-list.js';

defineElement('bm-booking-list', BmBookingList);
export { BmBookingList };
