import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Agreement } from '@bianmin/sdk/schema';
import { agreementCovers, assessChange, holidayPay, monthlyFee, workingDaysInMonth } from '@bianmin/sdk/rules';

// Hourly housekeeping (seed 004): Monday to Saturday, one rest day a week, 80 yuan a day.
const agreement: Agreement = {
  id: 'agr-1',
  number: 'AG-2026-0001',
  householdId: 'hh-1',
  serviceId: 'housekeeping',
  serviceName: { 'zh-CN': '钟点工', en: 'Hourly housekeeping' },
  address: { building: '3', room: '1201' },
  services: [{ 'zh-CN': '保洁' }],
  period: { from: '2026-01-01', to: '2026-12-31' },
  workDays: [1, 2, 3, 4, 5, 6],
  hours: { start: '09:00', end: '12:00' },
  dailyFee: 8000,
  holidayHourlyExtra: 2500,
  noticeDays: 3,
  latePenaltyPercent: 20,
  status: 'active',
};

describe('monthly fee', () => {
  it('is the daily fee times the working days of the month', () => {
    // November 2026 starts on a Sunday: 30 days, 5 Sundays.
    expect(workingDaysInMonth(agreement, '2026-11')).toBe(25);
    expect(monthlyFee(agreement, '2026-11')).toBe(200000);
    expect(workingDaysInMonth(agreement, '2026-02')).toBe(24);
  });

  it('counts only the days inside the period', () => {
    const late = { ...agreement, period: { from: '2026-11-16', to: '2026-11-30' } };
    expect(workingDaysInMonth(late, '2026-11')).toBe(13);
    expect(workingDaysInMonth(late, '2026-10')).toBe(0);
    expect(monthlyFee(late, '2026-12')).toBe(0);
  });

  it('never counts more working days than the month has, or a day off (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), fc.integer({ min: 1, max: 12 }), (workDays, m) => {
        const month = `2026-${String(m).padStart(2, '0')}`;
        const n = workingDaysInMonth({ ...agreement, workDays }, month);
        expect(n).toBeLessThanOrEqual(new Date(Date.UTC(2026, m, 0)).getUTCDate());
        if (workDays.length === 0) expect(n).toBe(0);
        if (workDays.length === 7) expect(n).toBe(new Date(Date.UTC(2026, m, 0)).getUTCDate());
      }),
    );
  });
});

describe('changes need 3 days notice, else 20% of that month fee (seed 004)', () => {
  it('2 days notice pays 20% of the month of the change', () => {
    expect(assessChange(agreement, { effectiveDate: '2026-11-23' }, '2026-11-21T18:00:00+08:00')).toEqual({
      noticeGivenDays: 2,
      penalty: 40000,
      month: '2026-11',
    });
  });

  it('3 days notice pays nothing', () => {
    expect(assessChange(agreement, { effectiveDate: '2026-11-23' }, '2026-11-20T23:30:00+08:00')).toEqual({ noticeGivenDays: 3, penalty: 0, month: '2026-11' });
  });

  it('counts days on the Shanghai calendar: 16:30 UTC on the 20th is already the 21st', () => {
    expect(assessChange(agreement, { effectiveDate: '2026-11-23' }, '2026-11-20T16:30:00Z')).toMatchObject({ noticeGivenDays: 2, penalty: 40000 });
    expect(assessChange(agreement, { effectiveDate: '2026-11-23' }, '2026-11-20T15:30:00Z')).toMatchObject({ noticeGivenDays: 3, penalty: 0 });
  });

  it('prices the penalty on the month the change takes effect', () => {
    // December 2026: 31 days, 4 Sundays → 27 working days.
    expect(assessChange(agreement, { effectiveDate: '2026-12-01' }, '2026-11-30T09:00:00+08:00')).toEqual({ noticeGivenDays: 1, penalty: 43200, month: '2026-12' });
  });

  it('rounds the one division to the nearest fen', () => {
    const odd = { ...agreement, dailyFee: 333, period: { from: '2026-11-02', to: '2026-11-02' } };
    expect(assessChange(odd, { effectiveDate: '2026-11-02' }, '2026-11-01T09:00:00+08:00').penalty).toBe(67); // 66.6
    expect(assessChange({ ...odd, dailyFee: 332 }, { effectiveDate: '2026-11-02' }, '2026-11-01T09:00:00+08:00').penalty).toBe(66); // 66.4
  });

  it('the penalty is a whole fen, at most the share of the monthly fee (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -5, max: 10 }), (dailyFee, pct, days) => {
        const a = { ...agreement, dailyFee, latePenaltyPercent: pct };
        const r = assessChange(a, { effectiveDate: '2026-11-23' }, `2026-11-${String(23 - days).padStart(2, '0')}T12:00:00+08:00`);
        expect(r.noticeGivenDays).toBe(days);
        expect(Number.isSafeInteger(r.penalty)).toBe(true);
        if (days >= 3) expect(r.penalty).toBe(0);
        else expect(Math.abs(r.penalty * 100 - monthlyFee(a, '2026-11') * pct)).toBeLessThanOrEqual(50);
      }),
    );
  });
});

describe('statutory holidays', () => {
  it('pay the extra hourly wage per hour worked, whole hours only', () => {
    expect(holidayPay(agreement, 3)).toBe(7500);
    expect(holidayPay(agreement, 0)).toBe(0);
    expect(() => holidayPay(agreement, 1.5)).toThrow(RangeError);
  });
});

describe('the days an agreement covers', () => {
  it('are its work days inside its period, read on the Shanghai calendar: never its rest day', () => {
    // 2026-11-28 is a Saturday (worked), 2026-11-29 a Sunday (the rest day).
    expect(agreementCovers(agreement, '2026-11-28T09:00:00+08:00')).toBe(true);
    expect(agreementCovers(agreement, '2026-11-29T09:00:00+08:00')).toBe(false);
    // 16:30 UTC on Saturday is already Sunday in Shanghai.
    expect(agreementCovers(agreement, '2026-11-28T16:30:00Z')).toBe(false);
    expect(agreementCovers(agreement, '2026-12-31T09:00:00+08:00')).toBe(true);
    expect(agreementCovers(agreement, '2027-01-01T09:00:00+08:00')).toBe(false);
    expect(agreementCovers({ ...agreement, period: { from: '2026-11-24', to: '2026-12-31' } }, '2026-11-23T09:00:00+08:00')).toBe(false);
  });
});
