import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { endpoints, type Booking, type BookingInput, type EndpointId, type Loan, type PriceList } from '@bianmin/sdk';
import { createClient, isResponseShapeError, ResponseShapeError } from '@bianmin/sdk/client';
import { fakeFetch, json, VIA_RESOURCE } from './helpers.js';

const ids = Object.keys(endpoints) as EndpointId[];
const client = (f: ReturnType<typeof fakeFetch>) => createClient({ baseUrl: 'https://api.test/api/', fetch: f, retry: 0 });

/** A response that is wrong for `id`: an object where an array is expected, else a wrong-typed field. */
function malformed(id: EndpointId): unknown[] {
  const wrong: unknown[] = [{}, null, 'ok', []];
  return wrong.filter((body) => !endpoints[id].response.safeParse(body).success);
}

describe('every endpoint of the table', () => {
  it('has a resource method that sends its method and filled path', async () => {
    expect(Object.keys(VIA_RESOURCE).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const f = fakeFetch(json({}));
      await VIA_RESOURCE[id].run(client(f)).catch(() => undefined);
      expect(f.seen, id).toHaveLength(1);
      expect(f.seen[0]!.method, id).toBe(VIA_RESOURCE[id].method);
      expect(f.seen[0]!.url, id).toBe(`https://api.test/api${VIA_RESOURCE[id].path}`);
      expect(f.seen[0]!.method, id).toBe(endpoints[id].method);
    }
  });

  it.each(ids)('%s: a malformed 2xx body becomes a ResponseShapeError naming the endpoint', async (id) => {
    const bodies = malformed(id);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const f = fakeFetch(json(body, endpoints[id].status, { 'X-Request-Id': 'req-9' }));
      const error = await VIA_RESOURCE[id].run(client(f)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(body)).toBeInstanceOf(ResponseShapeError);
      expect(isResponseShapeError(error)).toBe(true);
      const e = error as ResponseShapeError;
      expect(e.endpoint).toBe(id);
      expect(e.requestId).toBe('req-9');
      expect(e.issues.length).toBeGreaterThan(0);
    }
  });

  it.each(ids)('%s: a body that is not JSON becomes a ResponseShapeError, not a crash', async (id) => {
    const f = fakeFetch(new Response('<html>ok</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(VIA_RESOURCE[id].run(client(f))).rejects.toMatchObject({ name: 'ResponseShapeError', endpoint: id });
  });
});

describe('types', () => {
  it('come from the schemas: z.input for inputs, z.infer for results', () => {
    const c = createClient({ baseUrl: 'https://api.test/api', fetch: fakeFetch(json({})) });
    expectTypeOf(c.bookings.get).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(c.catalog.current).returns.resolves.toEqualTypeOf<PriceList>();
    expectTypeOf(c.bookings.create).parameter(0).toEqualTypeOf<z.input<typeof BookingInput>>();
    expectTypeOf(c.loans.listAll).returns.toEqualTypeOf<AsyncGenerator<Loan, void, undefined>>();
    expectTypeOf(c.call<'bookings.get'>).returns.resolves.toEqualTypeOf<Booking>();
    // Wrong inputs do not compile (and are rejected at run time as well).
    // @ts-expect-error quantity is a number
    void c.bookings.create({ ...VIA_INPUT, quantity: '2' }).catch(() => undefined);
    // @ts-expect-error bookings.list takes no body
    void c.call('bookings.list', { body: {} }).catch(() => undefined);
  });
});

const VIA_INPUT = { serviceId: 's', household: { building: '1', room: '1' }, contact: { name: 'a', phone: '13900000000' }, settlement: 'monthly' as const };
