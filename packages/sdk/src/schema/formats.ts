/**
 * Integers, string formats, trimming, objects and tagged unions for the schemas, internal to the
 * SDK (not exported from the package). The integers and string formats are smaller than zod's own;
 * the objects and unions are quicker (with `int(min, max)` they take about a third off the time a
 * 1,000-service catalog takes to validate, measured against `JSON.parse` of it).
 *
 * Each accepts and rejects exactly what its zod counterpart does and reports the same issues, but
 * as a plain check: `z.int()` brings zod's whole number-format machinery (int32, uint32, float32 …
 * ranges) into a browser bundle, `z.iso.datetime` / `z.iso.date` its string-format classes and
 * regex builders, ~0.4 and ~0.3 KB gzipped, and `z.regex` / `z.trim` their check classes. The JSON
 * Schemas of the integers (`type: integer` and the safe range) are set in contract/openapi.ts, which
 * recognises their checks; the string formats carry the definition zod's own check has, so
 * `toJSONSchema` writes their `format` and `pattern` as it does zod's. test/sdk/schema/equivalents.test.ts
 * holds each to its counterpart.
 */
import * as z from 'zod/mini';
import type { $ZodRawIssue, ParsePayload } from 'zod/v4/core';

/** The check of `int()`: what `z.int()` checks and reports. */
export function safeInteger(payload: ParsePayload<number>): void {
  const input = payload.value;
  if (Number.isSafeInteger(input)) return;
  const big = input > 0;
  payload.issues.push(
    (Number.isInteger(input)
      ? {
          input,
          code: big ? 'too_big' : 'too_small',
          [big ? 'maximum' : 'minimum']: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
          note: 'Integers must be within the safe integer range.',
          origin: 'int',
          inclusive: true,
          continue: true,
        }
      : { expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input }) as $ZodRawIssue,
  );
}

const bounds = new WeakMap<object, readonly [min: number | undefined, max: number | undefined]>();

/** The bounds of an `int(min, max)` check, for the contract (JSON Schema `minimum` / `maximum`). */
export const integerBounds = (check: unknown) => bounds.get(check as object);

/**
 * A safe integer, like `z.int()`, at least `min` and at most `max` when given: what
 * `z.int().check(z.minimum(min), z.maximum(max))` checks and reports, in one check instead of three
 * (a catalog has thousands of these, and every check costs time on every value).
 */
export const int = (min?: number, max?: number) => {
  const check = (payload: ParsePayload<number>): void => {
    const issues = payload.issues;
    const before = issues.length;
    safeInteger(payload);
    // Not an integer at all: zod stops there. An unsafe integer is still held to the bounds.
    if (issues.length > before && !issues[before]!.continue) return;
    const input = payload.value;
    if (min !== undefined && input < min) issues.push({ origin: 'number', code: 'too_small', minimum: min, input, inclusive: true, continue: true });
    if (max !== undefined && input > max) issues.push({ origin: 'number', code: 'too_big', maximum: max, input, inclusive: true, continue: true });
  };
  bounds.set(check, [min, max]);
  return z.number().check(check);
};

/**
 * `z.trim()` as a check function: the same overwrite (the value, trimmed), without zod's overwrite
 * check classes. JSON Schema has no trim, so the contract is the same.
 */
export const trim = (payload: ParsePayload<string>): void => {
  payload.value = payload.value.trim();
};

// zod's own patterns (zod/v4/core regexes `date`, and `datetime({ offset: true })`): a real
// calendar date (leap years included), and a time with seconds and an offset or Z.
const DATE = String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))`;
/** `YYYY-MM-DD`, a date that exists. */
export const DATE_PATTERN = new RegExp(`^${DATE}$`);
/** ISO 8601 date and time with seconds (fraction optional) and an offset or Z. */
export const DATETIME_PATTERN = new RegExp(String.raw`^${DATE}T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$`);

/**
 * A string matching `pattern`, reported as zod reports its string format `format`, with `message`
 * when given: `regex` checks and reports what `z.string().check(z.regex(pattern, message))` does;
 * `date` and `datetime`, with zod's own patterns, what `z.iso.date()` and
 * `z.iso.datetime({ offset: true })` do. Its check is a plain object with the definition zod's own
 * check has (`string_format`, the format, the pattern), so `toJSONSchema` writes the same `format`
 * and `pattern`, but it brings none of zod's string-format check classes into a browser bundle.
 */
export const matching = (pattern: RegExp, format: 'regex' | 'date' | 'datetime', message?: string) => {
  const check: z.core.$ZodCheck<string> = {
    _zod: {
      def: { check: 'string_format', format, pattern, error: () => message } as z.core.$ZodCheckStringFormatDef,
      onattach: [],
      check: (payload) => {
        const input = payload.value;
        if (!pattern.test(input)) {
          // `continue` as each counterpart has it: z.regex checks on after a mismatch; the date and
          // date-time formats (as this kit has always checked them) stop there.
          payload.issues.push({ origin: 'string', code: 'invalid_format', format, input, pattern: String(pattern), inst: check, ...(format === 'regex' && { continue: true }) });
        }
      },
    },
  };
  return z.string().check(check);
};

/**
 * A union of objects told apart by a literal `kind`, like `z.discriminatedUnion('kind', options)`
 * but for a fraction of its bytes: a plain `z.union` (so the contract shows the same `anyOf`, and
 * an unknown or missing kind fails exactly as the union does) whose parse goes straight to the
 * option of the input's `kind` instead of trying every option in turn. That makes a catalog of a
 * thousand prices about a third quicker to validate (`npm run bench`, d). When the kind is known,
 * the option's own issues are reported (what `flattenIssues` makes of the union's).
 */
export function tagged<const T extends readonly [z.ZodMiniObject, ...z.ZodMiniObject[]]>(options: T): z.ZodMiniUnion<T> {
  const union = z.union(options);
  const whole = union._zod.parse;
  union._zod.parse = union._zod.run = (payload, ctx) => {
    const kind = (payload.value as { kind?: z.core.util.Primitive } | null)?.kind;
    const option = options.find((o) => o._zod.propValues?.['kind']?.has(kind));
    return option ? option._zod.run(payload, ctx) : whole(payload, ctx);
  };
  return union;
}

/**
 * `z.object(shape)`, quicker on what validates: each property is parsed straight into the output
 * (an absent optional one not at all), and at the first issue the whole value goes to zod's own
 * parse, so what fails is reported exactly as `z.object` reports it. A valid value comes out the
 * same: its properties in shape order, unknown keys dropped. Zod's per-property bookkeeping is
 * about a third of the time a valid catalog takes (`npm run bench`, d).
 */
export const object = <T extends z.core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, z.core.$strip> => {
  const schema = z.object(shape);
  const whole = schema._zod.parse;
  schema._zod.parse = schema._zod.run = (payload, ctx) => {
    const input = payload.value as Record<string, unknown>;
    if (typeof input != 'object' || !input || Array.isArray(input)) return whole(payload, ctx);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const property = shape[key]!._zod;
      const value = input[key];
      if (value === undefined && !(key in input)) {
        if (property.optout === 'optional' && property.optin === 'optional') continue;
        return whole(payload, ctx);
      }
      const result = property.run({ value, issues: [] }, ctx);
      if (result instanceof Promise || result.issues.length) return whole(payload, ctx);
      out[key] = result.value;
    }
    payload.value = out;
    return payload;
  };
  return schema;
};
