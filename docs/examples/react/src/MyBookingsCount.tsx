// The SDK needs no Lit: a React component on the headless stores of `@bianmin/sdk/stores`, read with
// `useSyncExternalStore(store.subscribe, store.get)`. It counts the resident's upcoming bookings,
// following the cursors page by page with `createPagedList`.
import { createClient } from '@bianmin/sdk';
import { createPagedList, type PagedStore } from '@bianmin/sdk/stores';
import type { Booking } from '@bianmin/sdk/schema';
import { useEffect, useState, useSyncExternalStore } from 'react';

export interface MyBookingsCountProps {
  getToken: () => string;
  /** Bump it to count again (after a booking is created). */
  version: number;
}

function upcomingBookings(getToken: () => string): PagedStore<Booking> {
  const client = createClient({ baseUrl: '/api', getToken });
  return createPagedList((cursor, signal) => client.bookings.list({ scope: 'upcoming', limit: 50, ...(cursor ? { cursor } : {}) }, { signal }));
}

export function MyBookingsCount({ getToken, version }: MyBookingsCountProps) {
  const [store] = useState(() => upcomingBookings(getToken));
  const state = useSyncExternalStore(store.subscribe, store.get);

  // Load every page; start again whenever `version` changes.
  useEffect(() => {
    store.reset();
    void store.loadMore();
  }, [store, version]);
  useEffect(() => {
    if (state.status === 'ready' && state.more) void store.loadMore();
  }, [store, state]);

  const text =
    state.status === 'error' ? '预约数量暂时无法显示' : state.status === 'ready' && !state.more ? `即将到来的预约：${state.items.length}` : '正在统计预约…';
  return (
    <p role="status" data-upcoming={state.status === 'ready' && !state.more ? state.items.length : undefined}>
      {text}
    </p>
  );
}
