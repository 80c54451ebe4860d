import * as z from 'zod/mini';
import { DATE_PATTERN, DATETIME_PATTERN, int, matching, object, trim } from './formats.js';

/** Money: CNY in integer fen (分). 20 yuan is `2000`. Never a float. */
export const Fen = int(0, 1_000_000_000);
export type Fen = z.infer<typeof Fen>;

/** An instant on the wire: ISO 8601 with an offset (`2026-11-23T09:00:00+08:00`); `z.iso.datetime({ offset: true })`. */
export const Instant = matching(DATETIME_PATTERN, 'datetime');
export type Instant = z.infer<typeof Instant>;

/** A calendar date in the compound's time zone, `YYYY-MM-DD`; `z.iso.date()`. */
export const LocalDate = matching(DATE_PATTERN, 'date');
export type LocalDate = z.infer<typeof LocalDate>;

/** A calendar month, `YYYY-MM`. */
export const Month = matching(/^\d{4}-(0[1-9]|1[0-2])$/, 'regex', 'expected YYYY-MM');
export type Month = z.infer<typeof Month>;

/** A wall-clock time in the compound's time zone, `HH:mm` (24 h; `24:00` ends a day). */
export const LocalTime = matching(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'regex', 'expected HH:mm');
export type LocalTime = z.infer<typeof LocalTime>;

/** Identifiers: short, URL-safe. */
export const Id = matching(/^[A-Za-z0-9_-]{1,64}$/, 'regex', 'expected an id of letters, digits, _ or -');
export type Id = z.infer<typeof Id>;

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Text in zh-CN (required) and English (optional). */
export const LocalizedText = object({
  'zh-CN': z.string().check(z.minLength(1), z.maxLength(2000)),
  en: z.optional(z.string().check(z.maxLength(2000))),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A mainland China mobile number: 11 digits starting 13–19. */
export const MobilePhone = matching(/^1[3-9]\d{9}$/, 'regex', 'expected an 11-digit mainland mobile number');
export type MobilePhone = z.infer<typeof MobilePhone>;

/** A public or service phone number: digits, optionally grouped with hyphens (`0755-8888-6666`, `120`). */
export const ServicePhone = matching(/^\+?\d[\d-]{1,19}$/, 'regex', 'expected a phone number of digits and hyphens');
export type ServicePhone = z.infer<typeof ServicePhone>;

/** A person's name as a resident gives it. */
export const PersonName = z.string().check(trim, z.minLength(1), z.maxLength(40));

/** Free text written by a person (notes, comments, descriptions). */
export const FreeText = z.string().check(z.maxLength(1000));

/** Who a service is for: households, offices and shops share one compound (seed 001). */
export const AUDIENCES = ['household', 'office', 'shop'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/** A place in the compound: building and room (栋号/房号). */
export const Address = object({
  building: z.string().check(trim, z.minLength(1), z.maxLength(20)),
  room: z.string().check(trim, z.minLength(1), z.maxLength(20)),
});
export type Address = z.infer<typeof Address>;

/** The roles the contract knows: a resident bound to one household, front-desk staff, a public signage client. */
export const ROLES = ['public', 'resident', 'staff'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A cursor-paginated list. */
export function page<T extends z.ZodMiniType>(item: T) {
  return object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
  });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PageQuery = object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(int(1, 200)),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** One transition in a record's history. */
export const HistoryEntry = <S extends z.ZodMiniType>(status: S) =>
  object({
    status,
    at: Instant,
    by: z.optional(Role),
    note: z.optional(z.string().check(z.maxLength(500))),
  });

export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'slot_taken',
  'slot_unavailable',
  'quota_exceeded',
  'out_of_stock',
  'invalid_transition',
  'cancellation_window_closed',
  'idempotency_in_flight',
  'idempotency_mismatch',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const IssueBody = object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.optional(z.string()),
});
export type IssueBody = z.infer<typeof IssueBody>;

/** The one error body every non-2xx response carries. */
export const ErrorBody = object({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  issues: z.optional(z.array(IssueBody)),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
