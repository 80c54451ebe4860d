// The widgets in React 19: props that the element has are set as properties (`getToken`,
// `contactName`, `pageSize`), others as attributes (`base-url`, `for`), and `on<event-name>` props
// listen for the widgets' events. Their types come from `@bianmin/elements/jsx`, generated from
// the Custom Elements Manifest.
import type {} from '@bianmin/elements/jsx';
import type { BmBookingCreatedEvent, BmBookingList } from '@bianmin/elements';
import { useCallback, useRef, useState } from 'react';
import { MyBookingsCount } from './MyBookingsCount.js';

export interface AppProps {
  getToken: () => string;
}

/** What the host app already knows about the resident: the form is prefilled with it. */
const resident = { building: '2栋', room: '0601', contactName: '黄俊杰', phone: '13958007612' };

export function App({ getToken }: AppProps) {
  const list = useRef<BmBookingList>(null);
  const [compound, setCompound] = useState<string>();
  const [chosen, setChosen] = useState<string>();
  const [created, setCreated] = useState<{ number: string; contact: string }>();
  const [bookings, setBookings] = useState(0);

  const onCreated = useCallback((event: BmBookingCreatedEvent) => {
    const { booking } = event.detail;
    setCreated({ number: booking.number, contact: booking.contact.name });
    setBookings((n) => n + 1); // tells the headless count to load again
    void list.current?.refresh();
  }, []);

  return (
    <bm-provider base-url="/api" getToken={getToken} onbm-provider-ready={(e) => setCompound(e.detail.compound.name['zh-CN'])}>
      <main>
        <header>
          <h1>{compound ? `${compound} 便民服务` : '便民服务'}</h1>
          <MyBookingsCount getToken={getToken} version={bookings} />
        </header>
        {created ? (
          <p className="notice" role="status" data-created={created.number}>
            已预约 {created.number}（联系人 {created.contact}）
          </p>
        ) : null}
        <div className="two">
          <bm-service-menu for="booking-form" onbm-service-select={(e) => setChosen(e.item.name['zh-CN'])} />
          <section aria-label="预约 Booking">
            {chosen ? <p data-chosen>已选择：{chosen}</p> : <p>请从目录中选择服务。</p>}
            <bm-booking-form
              id="booking-form"
              building={resident.building}
              room={resident.room}
              contactName={resident.contactName}
              phone={resident.phone}
              onbm-booking-created={onCreated}
            />
          </section>
        </div>
        <section aria-label="我的预约 My bookings">
          <h2>我的预约</h2>
          <bm-booking-list ref={list} scope="upcoming" pageSize={5} />
        </section>
      </main>
    </bm-provider>
  );
}
