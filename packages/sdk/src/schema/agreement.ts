import * as z from 'zod/mini';
import { Weekday } from './catalog.js';
import { Address, Fen, Id, Instant, LocalDate, LocalTime, LocalizedText, Month } from './common.js';
import { int, object } from './formats.js';

/** The daily working hours of an agreement. */
const WorkHours = object({ start: LocalTime, end: LocalTime });

/** The days worked each week: at least one, and at least one rest day (at most six; seed 004). */
const WorkDays = z.array(Weekday).check(z.minLength(1), z.maxLength(6));

/** A long-term service agreement (seed 004, hourly housekeeping). */
export const Agreement = object({
  id: Id,
  number: z.string(),
  householdId: Id,
  serviceId: Id,
  serviceName: LocalizedText,
  address: Address,
  services: z.array(LocalizedText),
  period: object({ from: LocalDate, to: LocalDate }),
  workDays: WorkDays,
  hours: WorkHours,
  dailyFee: Fen,
  /** Extra pay per hour worked on a statutory holiday. */
  holidayHourlyExtra: Fen,
  /** Days' notice either side must give to change times or services. */
  noticeDays: int(0),
  /** Share of the month's fee paid for a change without notice, in percent. */
  latePenaltyPercent: int(0, 100),
  status: z.enum(['active', 'ended']),
  endedReason: z.optional(z.string().check(z.maxLength(500))),
});
export type Agreement = z.infer<typeof Agreement>;

/**
 * What a change sets from its effective date: for `times`, the new `hours` and/or `workDays` (at
 * least one rest day a week, seed 004); for `services`, the new `services`; a stop sets neither.
 */
const changed = {
  hours: z.optional(WorkHours),
  workDays: z.optional(WorkDays),
  services: z.optional(z.array(LocalizedText)),
};

export const AgreementChangeInput = object({
  kind: z.enum(['times', 'services', 'stop']),
  requestedBy: z.enum(['resident', 'office']),
  effectiveDate: LocalDate,
  ...changed,
  /** Why a resident stops a long-term service is asked and recorded (seed 001). */
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type AgreementChangeInput = z.infer<typeof AgreementChangeInput>;

export const AgreementChange = object({
  id: Id,
  agreementId: Id,
  kind: z.enum(['times', 'services', 'stop']),
  requestedBy: z.enum(['resident', 'office']),
  requestedAt: Instant,
  effectiveDate: LocalDate,
  ...changed,
  reason: z.optional(z.string()),
  /** Whole days between the request and the change, in the compound's time zone. */
  noticeGivenDays: int(),
  /** The fee owed by the side that changed late: 20% of that month's fee, else 0. */
  penalty: Fen,
  month: Month,
});
export type AgreementChange = z.infer<typeof AgreementChange>;
