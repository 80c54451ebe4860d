// The schemas spell a few zod constructs in cheaper forms for the browser bundle (schema/formats.ts,
// booking `metadata`, `Feedback`). These tests hold each to what the zod construct it replaces does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  Booking,
  BookingInput,
  Feedback,
  FeedbackInput,
  Fen,
  FixedPrice,
  flattenIssues,
  FreePrice,
  Instant,
  LabourMaterialsPrice,
  LocalDate,
  PerUnitPrice,
  PriceRule,
  QuotePrice,
} from '@bianmin/sdk';
import { int, matching, object, trim } from '../../../packages/sdk/src/schema/formats.js';

const outcome = (r: { success: boolean; data?: unknown; error?: { issues: unknown } }) => JSON.stringify(r.success ? r.data : r.error?.issues);

describe('int()', () => {
  const numbers = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53), 2 ** 60, -(2 ** 60), 1.5, -0, NaN, Infinity, -Infinity, 0, 1, 7, 8, 24, 25, 1e9, 1e9 + 1, -1),
    fc.anything(),
  );

  it('accepts, rejects and reports exactly like z.int(), alone and with bounds', () => {
    const pairs = [
      [z.int(), int()],
      [z.int().check(z.minimum(0)), int(0)],
      [z.int().check(z.minimum(1), z.maximum(24)), int(1, 24)],
      [z.int().check(z.maximum(7)), int(undefined, 7)],
      [z.int().check(z.minimum(0), z.maximum(1_000_000_000)), int(0, 1_000_000_000)],
    ] as const;
    fc.assert(
      fc.property(numbers, (value) => {
        for (const [zod, ours] of pairs) expect(outcome(ours.safeParse(value))).toBe(outcome(zod.safeParse(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is what money is made of: Fen rejects fractions of a fen and unsafe integers', () => {
    expect(Fen.safeParse(2000).success).toBe(true);
    expect(Fen.safeParse(20.5).success).toBe(false);
    expect(Fen.safeParse(2 ** 60).success).toBe(false);
  });
});

describe('Instant and LocalDate', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
  const time = fc
    .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', '.5', '.123'))
    .map(([h, m, s, f]) => `${pad(h)}:${pad(m)}:${pad(s)}${f}`);
  const offset = fc.constantFrom('Z', '+08:00', '-05:30', '+24:00', '+0800', '');
  const strings = fc.oneof(
    date,
    fc.tuple(date, fc.constantFrom('T', ' '), time, offset).map((p) => p.join('')),
    fc.constantFrom('2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2026-11-23T09:00:00+08:00', '2026-11-23T09:00+08:00'),
    fc.string(),
    fc.anything(),
  );

  it('stop at a bad date as they always have: a union of objects holding one reports a single invalid_union', () => {
    const r = Feedback.safeParse({ kind: 'rating', rating: 3, at: 'not a time' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.code)).toEqual(['invalid_union']);
  });

  it('accept, reject and report exactly like z.iso.datetime({ offset: true }) and z.iso.date()', () => {
    const datetime = z.iso.datetime({ offset: true });
    const day = z.iso.date();
    fc.assert(
      fc.property(strings, (value) => {
        expect(outcome(Instant.safeParse(value))).toBe(outcome(datetime.safeParse(value)));
        expect(outcome(LocalDate.safeParse(value))).toBe(outcome(day.safeParse(value)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('matching() and trim', () => {
  const patterns = [
    [/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'],
    [/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm'],
    [/^[A-Za-z0-9_-]{1,64}$/, undefined],
    [/^1[3-9]\d{9}$/, 'expected an 11-digit mainland mobile number'],
  ] as const;
  const values = fc.oneof(
    fc.string(),
    fc.stringMatching(/^\d{4}-\d{2}$/),
    fc.stringMatching(/^\d{2}:\d{2}$/),
    fc.stringMatching(/^1\d{10}$/),
    fc.constantFrom('', ' 2026-11 ', '24:00', '24:01', '13812345678', 'a'.repeat(65)),
    fc.anything(),
  );

  it('matching(pattern, "regex", message) accepts, rejects and reports like z.regex(pattern, message), also inside an object', () => {
    fc.assert(
      fc.property(values, (value) => {
        for (const [pattern, message] of patterns) {
          const zod = z.string().check(z.regex(pattern, message));
          const ours = matching(pattern, 'regex', message);
          expect(outcome(ours.safeParse(value))).toBe(outcome(zod.safeParse(value)));
          expect(outcome(z.object({ a: ours }).safeParse({ a: value }))).toBe(outcome(z.object({ a: zod }).safeParse({ a: value })));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('trim trims before the length checks, like z.trim()', () => {
    const zod = z.string().check(z.trim(), z.minLength(1), z.maxLength(5));
    const ours = z.string().check(trim, z.minLength(1), z.maxLength(5));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s*\S{0,6}\s*$/), fc.anything()), (value) => {
        expect(outcome(ours.safeParse(value))).toBe(outcome(zod.safeParse(value)));
      }),
      { numRuns: 1500 },
    );
    expect(ours.parse('  2栋 ')).toBe('2栋');
    expect(ours.safeParse('   ').success).toBe(false);
  });

  it('the contract reads a matching() check as it reads z.regex: the same pattern in the JSON Schema', () => {
    for (const [pattern, message] of patterns) {
      expect(z.toJSONSchema(matching(pattern, 'regex', message))).toEqual(z.toJSONSchema(z.string().check(z.regex(pattern, message))));
    }
    expect(z.toJSONSchema(Instant)).toMatchObject({ type: 'string', format: 'date-time' });
    expect(z.toJSONSchema(LocalDate)).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('booking metadata', () => {
  const input = { serviceId: 's', household: { building: '1', room: '1' }, contact: { name: 'a', phone: '13900000000' }, settlement: 'monthly' };
  const record = z.optional(z.record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(200))));
  const anyRecord = z.optional(z.record(z.string(), z.string()));
  const around = (n: number) => fc.integer({ min: n - 2, max: n + 2 }).map((k) => 'x'.repeat(k));
  const metadata = fc.oneof(
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), around(40)), fc.oneof(fc.string({ maxLength: 8 }), around(200))),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.anything()),
    fc.anything(),
  );

  it('accepts exactly what z.record(key ≤ 40, value ≤ 200 chars) accepts, and passes it on unchanged', () => {
    fc.assert(
      fc.property(metadata, (m) => {
        const ours = BookingInput.safeParse({ ...input, metadata: m });
        expect(ours.success).toBe(record.safeParse(m).success);
        if (ours.success) expect(ours.data.metadata).toEqual(m);
      }),
      { numRuns: 1000 },
    );
  });

  it('names the offending key in the issue path', () => {
    const long = 'k'.repeat(41);
    const r = BookingInput.safeParse({ ...input, metadata: { ok: 'v', [long]: 'v', n: 1, v: 'x'.repeat(201) } });
    expect(r.error?.issues.map((i) => i.path)).toEqual([
      ['metadata', long],
      ['metadata', 'n'],
      ['metadata', 'v'],
    ]);
    expect(BookingInput.safeParse({ ...input, metadata: ['a'] }).error?.issues[0]?.path).toEqual(['metadata']);
  });

  it('on a booking, any string → string object, like z.record(z.string(), z.string())', () => {
    const booking = Booking.shape.metadata;
    fc.assert(
      fc.property(metadata, (m) => {
        expect(booking.safeParse(m).success).toBe(anyRecord.safeParse(m).success);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Feedback', () => {
  const at = '2026-11-23T09:00:00+08:00';
  const feedback = fc.record(
    {
      kind: fc.constantFrom('rating', 'complaint', 'other'),
      rating: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constant('5')),
      comment: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('  ')),
      at: fc.constantFrom(at, 'yesterday'),
      extra: fc.string(),
    },
    { requiredKeys: [] },
  );

  it('is the feedback input plus `at`, as the intersection was', () => {
    const intersection = z.intersection(FeedbackInput, z.object({ at: Instant }));
    fc.assert(
      fc.property(feedback, (f) => {
        const ours = Feedback.safeParse(f);
        const theirs = intersection.safeParse(f);
        expect(ours.success).toBe(theirs.success);
        if (ours.success) expect(ours.data).toEqual(theirs.data);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('PriceRule, a tagged union', () => {
  const union = z.union([FreePrice, FixedPrice, PerUnitPrice, QuotePrice, LabourMaterialsPrice]);
  const money = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(12.5, '20', null));
  const band = fc.record(
    {
      name: fc.constantFrom('peak', 'off-peak', 'night'),
      days: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
      from: fc.constantFrom('08:00', '8:00'),
      to: fc.constantFrom('24:00', '25:00'),
      amount: money,
    },
    { requiredKeys: [] },
  );
  const rule = fc.oneof(
    fc.record(
      {
        kind: fc.constantFrom('free', 'fixed', 'per-unit', 'quote', 'labour-materials', 'FIXED', '', 7),
        amount: money,
        unit: fc.constantFrom('hour', 'person-hour', 'litre'),
        minQuantity: fc.integer({ min: -1, max: 3 }),
        bands: fc.array(band, { maxLength: 2 }),
        basis: fc.constantFrom('inspection', 'market', 'whim'),
        from: money,
        labour: money,
        labourUnit: fc.constantFrom('time', 'hour', 'day'),
        extra: fc.string(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('accepts what the plain union accepts, keeps the same data, and reports the same issues once flattened', () => {
    fc.assert(
      fc.property(rule, (value) => {
        const ours = PriceRule.safeParse(value);
        const theirs = union.safeParse(value);
        expect(ours.success).toBe(theirs.success);
        if (ours.success) expect(ours.data).toEqual(theirs.data);
        else expect(flattenIssues(ours.error?.issues ?? [])).toEqual(flattenIssues(theirs.error?.issues ?? []));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays a union: an unknown kind fails as one, a known kind names the field', () => {
    expect(PriceRule.safeParse({ kind: 'barter' }).error?.issues[0]?.code).toBe('invalid_union');
    expect(PriceRule.safeParse({ kind: 'fixed', amount: 1.5 }).error?.issues[0]?.path).toEqual(['amount']);
    expect(PriceRule.def.type).toBe('union');
  });
});

describe('object()', () => {
  // The same nested shape built with object() and with z.object(): a trimmed string, optional and
  // nullable properties, an array of objects, a union of objects and a bounded integer.
  const build = (obj: typeof z.object) =>
    obj({
      id: z.string().check(z.trim(), z.minLength(1)),
      count: int(0, 9),
      note: z.optional(z.string()),
      parent: z.nullable(z.string()),
      tags: z.array(obj({ name: z.string(), weight: z.optional(int(1)) })),
      choice: z.union([obj({ kind: z.literal('a'), a: z.number() }), obj({ kind: z.literal('b'), b: z.optional(z.boolean()) })]),
    });
  const ours = build(object as typeof z.object);
  const theirs = build(z.object);
  const tag = fc.record({ name: fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), weight: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(undefined)), x: fc.string() }, { requiredKeys: [] });
  const value = fc.oneof(
    fc.record(
      {
        id: fc.oneof(fc.constantFrom(' a ', '', '  ', 'x'), fc.integer()),
        count: fc.oneof(fc.integer({ min: -2, max: 11 }), fc.constant(2.5), fc.constant('3')),
        note: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(undefined), fc.constant(null)),
        parent: fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.constant(undefined)),
        tags: fc.oneof(fc.array(tag, { maxLength: 3 }), fc.constant({})),
        choice: fc.oneof(
          fc.record({ kind: fc.constantFrom('a', 'b', 'c'), a: fc.oneof(fc.double(), fc.string()), b: fc.oneof(fc.boolean(), fc.constant(undefined)) }, { requiredKeys: ['kind'] }),
          fc.anything(),
        ),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('accepts, rejects, outputs and reports exactly like z.object()', () => {
    fc.assert(
      fc.property(value, (v) => {
        const a = ours.safeParse(v);
        const b = theirs.safeParse(v);
        expect(a.success).toBe(b.success);
        if (a.success) {
          expect(a.data).toStrictEqual(b.data);
          expect(Object.keys(a.data)).toEqual(Object.keys(b.data!));
        } else expect(a.error?.issues).toEqual(b.error?.issues);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a present undefined optional property, drops an absent one, and drops unknown keys', () => {
    const base = { id: 'x', count: 1, parent: null, tags: [], choice: { kind: 'b' } };
    expect(Object.keys(ours.parse({ ...base, note: undefined, zzz: 1 }))).toEqual(Object.keys(theirs.parse({ ...base, note: undefined, zzz: 1 })));
    expect('note' in ours.parse({ ...base, note: undefined })).toBe(true);
    expect('note' in ours.parse(base)).toBe(false);
    expect(ours.parse({ ...base, id: ' y ' }).id).toBe('y');
  });
});
