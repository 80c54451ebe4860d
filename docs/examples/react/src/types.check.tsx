// Compile-time checks of the generated JSX types (`tsc -p docs/examples/react`): each
// `@ts-expect-error` fails the check when the types let that mistake through. Not rendered.
import type {} from '@bianmin/elements/jsx';
import type { BmBookingForm, BmBookingCreatedEvent } from '@bianmin/elements';
import { createRef } from 'react';

const formRef = createRef<BmBookingForm>();

export const accepted = (
  <bm-provider base-url="/api" locale="en" getToken={async () => 'token'}>
    <bm-service-menu for="booking" handbook query="网球" audience="household" />
    <bm-booking-form
      id="booking"
      ref={formRef}
      service-id="svc-tennis"
      contact-name="黄俊杰"
      disabled={false}
      className="wide"
      onbm-booking-created={(e: BmBookingCreatedEvent) => e.detail.booking.number}
      onbm-booking-submit={(e) => {
        e.detail.metadata.campaign = 'spring';
      }}
      onbm-booking-failed={(e) => e.detail.retryable}
    />
    <bm-booking-list scope="past" page-size="20" onbm-booking-cancelled={(e) => e.detail.booking.id} />
    <bm-fee-board hide-free refresh-interval={60} layout="embedded" />
  </bm-provider>
);

export const rejected = (
  <>
    {/* @ts-expect-error scope is 'upcoming' | 'past' | 'all' */}
    <bm-booking-list scope="later" />
    {/* @ts-expect-error pageSize is a number */}
    <bm-booking-list pageSize="5" />
    {/* @ts-expect-error getToken returns a token, not a number */}
    <bm-provider getToken={() => 42} />
    {/* @ts-expect-error the created event's detail has no `id` */}
    <bm-booking-form onbm-booking-created={(e) => e.detail.id} />
    {/* @ts-expect-error the form's ref is a BmBookingForm, not a BmBookingList */}
    <bm-booking-list ref={formRef} />
    {/* @ts-expect-error no such property or attribute */}
    <bm-booking-form serviceid="svc-tennis" />
    {/* @ts-expect-error disabled is a boolean */}
    <bm-booking-form disabled="yes" />
  </>
);
