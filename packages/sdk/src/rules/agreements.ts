/**
 * Long-term service agreements (seed 004, hourly housekeeping): a daily fee collected monthly; a
 * change of times or services needs 3 days' notice, else the side that changed pays 20% of that
 * month's fee; work on a statutory holiday earns an extra hourly wage.
 */
import type { Agreement, AgreementChangeInput } from '../schema/agreement.js';
import { mulFen } from './money.js';
import { COMPOUND_TIME_ZONE, daysBetween, daysOfMonth, localDate, weekdayOf, type At } from './time.js';

type Schedule = Pick<Agreement, 'period' | 'workDays'>;

/**
 * Days of `month` (`YYYY-MM`) on one of the agreement's work weekdays and inside its period (both
 * ends included). The dates are already local, so the zone is not needed; it is accepted for
 * symmetry with the other rules. Statutory holidays count: they are paid (seed 004).
 */
export function workingDaysInMonth(agreement: Schedule, month: string, _timeZone?: string): number {
  const { from, to } = agreement.period;
  return daysOfMonth(month).filter((d) => d >= from && d <= to && agreement.workDays.includes(weekdayOf(d))).length;
}

/**
 * Whether the agreement covers a visit at `at`: its local day is inside the period (both ends
 * included) and on one of the work weekdays. Its rest day (seed 004) and the days outside its
 * period are not covered: a visit then is booked, and billed, as any other.
 */
export function agreementCovers(agreement: Schedule, at: At, timeZone = COMPOUND_TIME_ZONE): boolean {
  const day = localDate(at, timeZone);
  return day >= agreement.period.from && day <= agreement.period.to && agreement.workDays.includes(weekdayOf(day));
}

/** The fee collected for a month: daily fee × working days in that month. */
export function monthlyFee(agreement: Schedule & Pick<Agreement, 'dailyFee'>, month: string): number {
  return mulFen(agreement.dailyFee, workingDaysInMonth(agreement, month));
}

/**
 * What a change costs. `noticeGivenDays` is the number of local calendar days from the day of the
 * request to the effective date (a request on the 20th for the 23rd gives 3). With less notice than
 * `noticeDays`, whoever asked (resident or office) owes `latePenaltyPercent` of the monthly fee of the
 * effective date's month; a stop counts as a change. Rounding: the integer product fee × percent is
 * divided by 100 and rounded to the nearest fen (half up), the one division in the rule.
 */
export function assessChange(
  agreement: Schedule & Pick<Agreement, 'dailyFee' | 'noticeDays' | 'latePenaltyPercent'>,
  input: Pick<AgreementChangeInput, 'effectiveDate'>,
  requestedAt: At,
  timeZone = COMPOUND_TIME_ZONE,
): { noticeGivenDays: number; penalty: number; month: string } {
  const noticeGivenDays = daysBetween(localDate(requestedAt, timeZone), input.effectiveDate);
  const month = input.effectiveDate.slice(0, 7);
  const penalty =
    noticeGivenDays < agreement.noticeDays ? Math.round(mulFen(monthlyFee(agreement, month), agreement.latePenaltyPercent) / 100) : 0;
  return { noticeGivenDays, penalty, month };
}

/** Extra pay for work on a statutory holiday: the hourly extra × whole hours worked (RangeError otherwise). */
export function holidayPay(agreement: Pick<Agreement, 'holidayHourlyExtra'>, hoursWorked: number): number {
  return mulFen(agreement.holidayHourlyExtra, hoursWorked);
}
