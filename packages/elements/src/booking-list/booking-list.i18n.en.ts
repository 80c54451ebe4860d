import type { BookingStatus } from '@bianmin/sdk';
import type { Translation } from '../i18n/localize.js';
import type { BookingListMessages } from './booking-list.i18n.js';

/** How long before the start a booking can be cancelled: "4 hours" / "30 minutes". */
const enSpan = (minutes: number): string =>
  minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;

const enRatings = ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

const enStatus: Record<BookingStatus, string> = {
  requested: 'Awaiting confirmation',
  'quote-requested': 'Awaiting a quote',
  quoted: 'Quoted',
  confirmed: 'Confirmed',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  rejected: 'Declined',
  'no-show': 'No-show',
};

/** English strings of `<bm-booking-list>`: loaded on demand, the first time English is shown (see booking-list.i18n.ts). */
export const en: Translation<BookingListMessages> = {
  label: 'My bookings',
  tabUpcoming: 'Upcoming',
  tabPast: 'Past',
  emptyUpcoming: 'No bookings yet',
  emptyPast: 'No past bookings yet',
  invalidPageSize: (value: string) => `Attribute page-size="${value}" is not valid: use a whole number from 1 to 200.`,
  status: (status: BookingStatus) => enStatus[status],
  statusLabel: 'Status: ',
  number: 'Booking number',
  time: 'Time',
  wanted: 'Preferred time',
  submitted: 'Submitted',
  price: 'Price',
  priceFrom: (money: string) => `from ${money}`,
  priceInspection: 'Quoted after inspection',
  priceInspectionFrom: (money: string) => `from ${money}, quoted after inspection`,
  free: 'Free',
  reason: (note: string) => `Reason: ${note}`,
  cancel: 'Cancel booking',
  forService: (service: string) => `: ${service}`,
  cancellableUntil: (deadline: string) => `Can be cancelled until ${deadline}`,
  windowClosed: (minutes: number, deadline: string) =>
    `Bookings can be cancelled up to ${enSpan(minutes)} before the start; the deadline (${deadline}) has passed.`,
  windowClosedAtStart: (deadline: string) => `Bookings cannot be cancelled once the service has started (${deadline}).`,
  callDesk: 'To change it, call the property service centre:',
  confirmTitle: (service: string) => `Cancel “${service}”?`,
  reasonLabel: 'Reason (optional)',
  confirmCancel: 'Yes, cancel',
  keepBooking: 'Keep booking',
  cancelling: 'Cancelling…',
  cancelled: (number: string) => `Booking ${number} cancelled.`,
  windowClosedError: 'The cancellation deadline has passed; it can no longer be cancelled online.',
  statusChangedError: 'This booking has changed and can no longer be cancelled. It has been refreshed.',
  followUpOpen: 'Rate this service',
  followUpLabel: (service: string) => `Rate this service: ${service}`,
  kindLabel: 'Kind of follow-up',
  kindRating: 'Rating',
  kindComplaint: 'Complaint',
  ratingLabel: 'How satisfied are you?',
  starName: (n: number) => `${n} star${n === 1 ? '' : 's'}: ${enRatings[n] ?? ''}`,
  ratingName: (n: number) => enRatings[n] ?? '',
  commentLabel: 'Comments (optional)',
  complaintLabel: 'Your complaint (required)',
  complaintHint: 'Complaints go to the property office’s complaints procedure; staff will contact you.',
  send: 'Send',
  sending: 'Sending…',
  closeForm: 'Close',
  ratingRequired: 'Choose from 1 to 5 stars.',
  complaintRequired: 'Write what went wrong.',
  feedbackConflict: 'This booking has already been rated, or cannot be rated yet. It has been refreshed.',
  feedbackSent: 'Thank you, your follow-up has been sent.',
  givenRating: (n: number) => `Your rating: ${n} of 5 stars`,
  givenComplaint: 'Your complaint was sent and goes to the complaints procedure',
  givenAt: (when: string) => `Sent ${when}`,
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  shown: (n: number) => `${n} shown`,
  loadedMore: (n: number) => `${n} more bookings loaded.`,
  allLoaded: 'All bookings shown',
};
