import { describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, OTHER_RESIDENT_TOKEN, createMockBackend } from '@bianmin/mock';
import { bookingFor, clock, direct, fixedBackend } from './helpers.js';

const R = DEMO_RESIDENT_TOKEN;
const S = DEMO_STAFF_TOKEN;

describe('authentication and roles', () => {
  const { backend } = fixedBackend();
  const call = direct(backend);
  const othersBooking = () => backend.state.bookings.find((b) => b.householdId !== DEMO_HOUSEHOLD_ID);

  it('401 when a non-public endpoint is called without a token or with an unknown one', async () => {
    expect((await call({ method: 'GET', path: '/loans' })).body.code).toBe('unauthorized');
    expect((await call({ method: 'GET', path: '/bookings', token: 'resident.h-9-9999' })).status).toBe(401);
    expect((await call({ method: 'GET', path: '/bookings', token: 'admin.root' })).status).toBe(401);
    expect((await call({ method: 'GET', path: '/bookings', headers: { Authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('public endpoints answer without a token', async () => {
    for (const path of ['/compound', '/catalog', '/fee-board', '/loan-items', '/services/svc-tennis/availability']) {
      expect((await call({ method: 'GET', path })).status).toBe(200);
    }
  });

  it('403 for a role the endpoint does not admit', async () => {
    expect((await call({ method: 'GET', path: '/price-lists', token: R })).status).toBe(403);
    expect((await call({ method: 'GET', path: '/loans/handover', token: R })).status).toBe(403);
    expect((await call({ method: 'POST', path: '/loans', token: R, body: {} })).body.code).toBe('forbidden');
    const done = backend.state.bookings.find((b) => b.status === 'completed');
    expect((await call({ method: 'POST', path: `/bookings/${done?.id}/feedback`, token: S, body: { kind: 'rating', rating: 5 } })).status).toBe(403);
  });

  it("a resident cannot read, cancel or rate another household's booking (403), and an unknown id is a 404", async () => {
    const other = othersBooking();
    expect((await call({ method: 'GET', path: `/bookings/${other?.id}`, token: R })).status).toBe(403);
    expect((await call({ method: 'POST', path: `/bookings/${other?.id}/cancel`, token: R, body: {} })).status).toBe(403);
    expect((await call({ method: 'GET', path: `/bookings/${other?.id}`, token: S })).status).toBe(200);
    expect((await call({ method: 'GET', path: '/bookings/bk-9999', token: R })).status).toBe(404);
  });

  it("a resident cannot reach another household's help requests, agreements or statements", async () => {
    const help = backend.state.helpRequests.find((h) => h.householdId && h.householdId !== DEMO_HOUSEHOLD_ID);
    expect((await call({ method: 'GET', path: `/help-requests/${help?.id}`, token: R })).status).toBe(403);
    expect((await call({ method: 'GET', path: '/agreements/ag-0001', token: OTHER_RESIDENT_TOKEN })).status).toBe(403);
    expect((await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-2026-10`, token: OTHER_RESIDENT_TOKEN })).status).toBe(403);
  });

  it("lists show a resident only their own household's records", async () => {
    const lists = await Promise.all([
      call({ method: 'GET', path: '/bookings', token: R, query: { limit: 200 } }),
      call({ method: 'GET', path: '/loans', token: R, query: { limit: 200 } }),
      call({ method: 'GET', path: '/help-requests', token: R, query: { status: 'all' } }),
      call({ method: 'GET', path: '/statements', token: R }),
    ]);
    for (const l of lists) {
      const items: { householdId?: string }[] = Array.isArray(l.body) ? l.body : l.body.items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((x) => x.householdId === DEMO_HOUSEHOLD_ID)).toBe(true);
    }
    const all = await call({ method: 'GET', path: '/bookings', token: S, query: { limit: 200 } });
    expect(new Set(all.body.items.map((b: { householdId: string }) => b.householdId)).size).toBeGreaterThan(1);
  });

  it('a resident books for their own household only', async () => {
    const res = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning', { household: { building: '1栋', room: '1201' } }) });
    expect(res.status).toBe(403);
  });
});

describe('validation', () => {
  const { backend } = fixedBackend();
  const call = direct(backend);

  it('400 validation_failed with the path of every wrong field of a body', async () => {
    const res = await call({
      method: 'POST',
      path: '/bookings',
      token: R,
      body: { serviceId: 'svc-gym', household: { building: '2栋', room: '0601' }, contact: { name: '王芳', phone: '12345' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.issues.map((i: { path: unknown[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['contact.phone', 'settlement']));
    expect(res.body.issues.every((i: { message: string }) => i.message.length > 0)).toBe(true);
  });

  it('query strings: limit and days are read as numbers and checked', async () => {
    expect((await call({ method: 'GET', path: '/services/svc-tennis/availability', query: { days: 2 } })).body.slots.length).toBe(30);
    const bad = await call({ method: 'GET', path: '/services/svc-tennis/availability', query: { days: 'many' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(['days']);
    expect((await call({ method: 'GET', path: '/bookings', token: R, query: { limit: 500 } })).status).toBe(400);
    expect((await call({ method: 'GET', path: '/loans', token: S, query: { cursor: 'not-a-cursor' } })).body.issues[0].path).toEqual(['cursor']);
  });

  it('a body that is not JSON is a 400, and a slot service without a slot names the slot', async () => {
    expect((await call({ method: 'POST', path: '/bookings', token: R, body: '{"serviceId":' })).status).toBe(400);
    const res = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tennis') });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toEqual(['slot']);
  });

  it('unknown paths are 404 not_found and a wrong method is a 405', async () => {
    expect((await call({ method: 'GET', path: '/nope' })).body.code).toBe('not_found');
    expect((await call({ method: 'GET', path: '/services/svc-nothing/availability' })).status).toBe(404);
    const wrong = await call({ method: 'POST', path: '/compound', body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET');
  });
});

describe('the public fee board and catalog', () => {
  const c = clock();
  const backend = createMockBackend({ now: c.now });
  const call = direct(backend);

  it('the fee board carries no resident or staff name or phone anywhere in its JSON', async () => {
    const res = await call({ method: 'GET', path: '/fee-board' });
    expect(res.status).toBe(200);
    const json = JSON.stringify(res.body);
    const personal = [
      ...backend.state.households.flatMap((h) => h.contacts.flatMap((x) => [x.name, x.phone])),
      ...backend.state.staff.map((s) => s.name),
      ...backend.state.helpRequests.flatMap((h) => [h.phone, h.name ?? '']).filter(Boolean),
    ];
    expect(personal.length).toBeGreaterThan(20);
    expect(personal.filter((p) => json.includes(p))).toEqual([]);
    expect(res.body.compound.servicePhone).toBe('0571-8888-6666');
  });

  it('sections filter by top or sub category, and free=false leaves free services off', async () => {
    const club = await call({ method: 'GET', path: '/fee-board', query: { sections: 'cat-club', free: 'false' } });
    const ids = club.body.current.sections.map((s: { categoryId: string }) => s.categoryId);
    expect(ids).toEqual(['cat-club-sports', 'cat-club-rooms', 'cat-club-courses']);
    const rows = club.body.current.sections.flatMap((s: { rows: { price: { kind: string } }[] }) => s.rows);
    expect(rows.some((r: { price: { kind: string } }) => r.price.kind === 'free')).toBe(false);
    const one = await call({ method: 'GET', path: '/fee-board', query: { sections: 'cat-life-repair' } });
    expect(one.body.current.sections.map((s: { categoryId: string }) => s.categoryId)).toEqual(['cat-life-repair']);
  });

  it('a draft list is never served by /catalog or /fee-board, even once approved; a published one shows as upcoming, then takes over on its date', async () => {
    const draft = backend.state.priceLists.find((l) => l.status === 'draft');
    const current = backend.state.priceLists.find((l) => l.status === 'published');
    if (!draft || !current) throw new Error('fixtures lack a draft or a list in force');
    const served = async () => {
      const [cat, board] = await Promise.all([call({ method: 'GET', path: '/catalog' }), call({ method: 'GET', path: '/fee-board' })]);
      return { catalog: cat.body.id, current: board.body.current.priceListId, upcoming: board.body.upcoming?.priceListId };
    };
    expect(await served()).toEqual({ catalog: current.id, current: current.id, upcoming: undefined });
    for (const to of ['submitted', 'approved']) {
      const r = await call({ method: 'POST', path: `/price-lists/${draft.id}/transitions`, token: S, body: { to, by: to === 'approved' ? '公司总经理' : '管理处经理' } });
      expect(r.status).toBe(200);
      expect(await served()).toEqual({ catalog: current.id, current: current.id, upcoming: undefined });
    }
    // Skipping a step is refused by the machine.
    const skip = await call({ method: 'POST', path: `/price-lists/${current.id}/transitions`, token: S, body: { to: 'draft', by: 'x' } });
    expect(skip.body.code).toBe('invalid_transition');
    await call({ method: 'POST', path: `/price-lists/${draft.id}/transitions`, token: S, body: { to: 'published', by: '管理处经理' } });
    expect(await served()).toEqual({ catalog: current.id, current: current.id, upcoming: draft.id });
    c.set(Date.parse('2027-01-01T00:00:05+08:00'));
    expect(await served()).toEqual({ catalog: draft.id, current: draft.id, upcoming: undefined });
    const lists = await call({ method: 'GET', path: '/price-lists', token: S });
    expect(lists.body.find((l: { id: string }) => l.id === current.id).status).toBe('superseded');
  });
});
