import type { Booking, BookingInput } from '@bianmin/sdk';

export interface BookingSubmitDetail {
  /** What is about to be sent (a copy: changing it changes nothing). */
  readonly input: BookingInput;
  /**
   * Host-page metadata sent with the booking (string keys ≤ 40 characters, string values ≤ 200):
   * add to it in a listener, e.g. `event.detail.metadata.campaign = 'spring'`.
   */
  readonly metadata: Record<string, string>;
}

/**
 * Before a booking is sent, once per attempt of the resident's intent (a retry of the same input
 * is not announced again). Cancelable: `preventDefault()` sends nothing.
 */
export class BmBookingSubmitEvent extends Event {
  readonly detail: BookingSubmitDetail;
  constructor(input: BookingInput) {
    super('bm-booking-submit', { bubbles: true, composed: true, cancelable: true });
    this.detail = { input, metadata: {} };
  }
  get input(): BookingInput {
    return this.detail.input;
  }
  get metadata(): Record<string, string> {
    return this.detail.metadata;
  }
}

export interface BookingCreatedDetail {
  /** The booking as the server created it (its number, status, quote, cancellation window). */
  readonly booking: Booking;
}

/** The server created the booking (or, for a quote-only service, the request for a quote). */
export class BmBookingCreatedEvent extends Event {
  readonly detail: BookingCreatedDetail;
  constructor(booking: Booking) {
    super('bm-booking-created', { bubbles: true, composed: true });
    this.detail = { booking };
  }
}

/** Why a booking attempt failed, as the form handled it. */
export type BookingFailureKind = 'slot' | 'invalid' | 'network' | 'server' | 'forbidden' | 'unauthorized' | 'not-found' | 'other';

export interface BookingFailedDetail {
  /** The SDK's error (`ConflictError`, `ValidationError`, `HttpError`, `NetworkError`, `TimeoutError`…). */
  readonly error: unknown;
  readonly kind: BookingFailureKind;
  /** Whether the form offers to send the same attempt again (with the same idempotency key). */
  readonly retryable: boolean;
}

/** A booking attempt failed; the form shows why and keeps what was typed. */
export class BmBookingFailedEvent extends Event {
  readonly detail: BookingFailedDetail;
  constructor(detail: BookingFailedDetail) {
    super('bm-booking-failed', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bm-booking-submit': BmBookingSubmitEvent;
    'bm-booking-created': BmBookingCreatedEvent;
    'bm-booking-failed': BmBookingFailedEvent;
  }
}
