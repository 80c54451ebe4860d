import { endpoints, type EndpointId } from '@bianmin/sdk';
import { generateSlots, localDate, type SlotBooking } from '@bianmin/sdk/rules';
import type { BookingInput } from '@bianmin/sdk/schema';
import { createMockBackend, type MockBackend, type MockState } from '@bianmin/mock';

/** Monday 23 November 2026, 10:00 in the compound: the clock of most tests. */
export const T0 = Date.parse('2026-11-23T10:00:00+08:00');

/** A clock the test can move. */
export function clock(start = T0) {
  let t = start;
  return {
    now: () => new Date(t),
    set: (ms: number) => void (t = ms),
    advance: (minutes: number) => void (t += minutes * 60_000),
  };
}

export interface Call {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** Sends a call through a `fetch`-like function to `base` (`http://127.0.0.1:1234/api`). */
export async function send(fetchLike: (r: Request) => Promise<Response>, base: string, c: Call): Promise<Answer> {
  const url = new URL(base + c.path);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Accept: 'application/json', ...c.headers };
  if (c.token) headers.Authorization = `Bearer ${c.token}`;
  if (c.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method: c.method, headers };
  if (c.body !== undefined) init.body = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
  if (c.signal) init.signal = c.signal;
  const res = await fetchLike(new Request(url, init));
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Calls straight into a backend's pipeline, as the msw handlers do. */
export const direct = (backend: MockBackend) => (c: Call) => send((r) => backend.handle(r), 'http://mock.test/api', c);
/** Calls a running HTTP server. */
export const overHttp = (url: string) => (c: Call) => send((r) => fetch(r), url, c);

export const fillPath = (template: string, params: Record<string, string> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));

/** The first slot of `serviceId` a household could book, from `fromDays` days ahead. */
export function freeSlot(state: MockState, now: Date, serviceId: string, fromDays = 2): { start: string; end: string } {
  const item = state.priceLists.find((l) => l.status === 'published')?.items.find((i) => i.id === serviceId);
  if (!item) throw new Error(`no service ${serviceId}`);
  const bookings: SlotBooking[] = state.bookings.filter((b) => b.serviceId === serviceId);
  const from = localDate(new Date(now.getTime() + fromDays * 86_400_000));
  const slot = generateSlots(item, { from, days: 7, now, bookings }).find((s) => s.state === 'available');
  if (!slot) throw new Error(`no free slot for ${serviceId}`);
  return { start: slot.start, end: slot.end };
}

/** A booking input for the demo household (2栋 0601). */
export function bookingFor(serviceId: string, more: Partial<BookingInput> = {}): BookingInput {
  return {
    serviceId,
    household: { building: '2栋', room: '0601' },
    contact: { name: '王芳', phone: '13812345678' },
    settlement: 'per-visit',
    ...more,
  };
}

export const staffCheckout = (itemId: string, quantity = 1) => ({
  itemId,
  quantity,
  household: { building: '1栋', room: '0302' },
  borrower: { name: '陈建国', phone: '13905718821' },
  shift: 'day' as const,
});

export function fixedBackend(start = T0) {
  const c = clock(start);
  return { backend: createMockBackend({ now: c.now }), clock: c };
}

export const endpointIds = Object.keys(endpoints) as EndpointId[];
