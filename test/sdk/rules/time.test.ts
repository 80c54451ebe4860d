import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COMPOUND_TIME_ZONE,
  addDays,
  addMinutes,
  daysBetween,
  formatDate,
  formatDateTime,
  formatInstant,
  formatTime,
  formatWeekday,
  localDate,
  localMonth,
  localTime,
  minutesBetween,
  toInstant,
  zonedParts,
} from '@bianmin/sdk/rules';

// 2026-11-22T16:30Z is Monday 23 November, 00:30 in Shanghai, but still Sunday the 22nd in UTC and westward.
const NEAR_MIDNIGHT = Date.UTC(2026, 10, 22, 16, 30);
const hostZone = process.env.TZ;

describe('the compound clock reads Asia/Shanghai whatever the host zone', () => {
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  for (const host of ['America/New_York', 'UTC', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
    it(`shows Shanghai dates and times on a device set to ${host}`, () => {
      process.env.TZ = host;
      const at = new Date(NEAR_MIDNIGHT);
      expect(localDate(at)).toBe('2026-11-23');
      expect(localTime(at)).toBe('00:30');
      expect(localMonth(at)).toBe('2026-11');
      expect(zonedParts(at)).toEqual({ year: 2026, month: 11, day: 23, hour: 0, minute: 30, second: 0, weekday: 1 });
      expect(formatInstant(at)).toBe('2026-11-23T00:30:00+08:00');
      expect(formatDate(at, 'zh-CN')).toBe('2026年11月23日');
      expect(formatDate(at, 'en')).toBe('Nov 23, 2026');
      expect(formatTime(at, 'en')).toBe('00:30');
      expect(formatDateTime(at, 'zh-CN')).toBe('2026年11月23日 00:30');
      expect(formatWeekday(at, 'zh-CN')).toBe('周一');
      expect(formatWeekday(at, 'en', COMPOUND_TIME_ZONE, 'long')).toBe('Monday');
      expect(toInstant('2026-11-23', '00:30')).toBe('2026-11-23T00:30:00+08:00');
    });
  }

  it('the host zone really changes under these tests: Date local fields follow it', () => {
    process.env.TZ = 'America/New_York';
    expect(new Date(NEAR_MIDNIGHT).getHours()).toBe(11);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(new Date(NEAR_MIDNIGHT).getHours()).toBe(6);
    expect(localTime(NEAR_MIDNIGHT)).toBe('00:30');
  });

  it('reads the same instant on either side of Shanghai midnight', () => {
    expect(localDate('2026-11-22T15:59:59Z')).toBe('2026-11-22');
    expect(localDate('2026-11-22T16:00:00Z')).toBe('2026-11-23');
    expect(localMonth('2026-10-31T16:00:00Z')).toBe('2026-11');
    expect(localMonth('2026-10-31T15:59:00Z')).toBe('2026-10');
  });
});

describe('instants on the wire', () => {
  it('writes ISO 8601 with the zone offset at seconds precision', () => {
    expect(formatInstant('2026-11-23T01:02:03.987Z')).toBe('2026-11-23T09:02:03+08:00');
    expect(formatInstant(Date.UTC(2026, 0, 1), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
    expect(formatInstant('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(formatInstant('2026-01-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T17:30:00+05:30');
  });

  it('builds an instant from a local date and wall time, 24:00 being the next midnight', () => {
    expect(toInstant('2026-11-23', '09:00')).toBe('2026-11-23T09:00:00+08:00');
    expect(toInstant('2026-12-31', '24:00')).toBe('2027-01-01T00:00:00+08:00');
    expect(toInstant('2026-01-15', '09:00', 'America/New_York')).toBe('2026-01-15T09:00:00-05:00');
    expect(toInstant('2026-07-15', '09:00', 'America/New_York')).toBe('2026-07-15T09:00:00-04:00');
  });

  it('reads a repeated wall time as the earlier instant and a skipped one as after the gap', () => {
    expect(toInstant('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(toInstant('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T01:30:00+01:00');
    expect(toInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(toInstant('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T02:30:00+01:00');
    expect(toInstant('2026-03-08', '00:00', 'America/New_York')).toBe('2026-03-08T00:00:00-05:00');
    expect(toInstant('2026-03-08', '04:00', 'America/New_York')).toBe('2026-03-08T04:00:00-04:00');
  });

  it('rejects malformed dates, times and instants', () => {
    expect(() => toInstant('2026-1-5', '09:00')).toThrow(RangeError);
    expect(() => toInstant('2026-11-23', '24:30')).toThrow(RangeError);
    expect(() => toInstant('2026-11-23', '9:00')).toThrow(RangeError);
    expect(() => localDate('not a date')).toThrow(RangeError);
  });

  it('adds minutes across midnight and keeps the offset', () => {
    expect(addMinutes('2026-11-23T23:30:00+08:00', 45)).toBe('2026-11-24T00:15:00+08:00');
    expect(addMinutes('2026-11-23T00:10:00+08:00', -20)).toBe('2026-11-22T23:50:00+08:00');
    expect(addMinutes('2026-11-23T01:00:00Z', 0)).toBe('2026-11-23T09:00:00+08:00');
  });

  it('does calendar arithmetic on dates across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });

  it('counts minutes between instants written in different offsets', () => {
    expect(minutesBetween('2026-11-23T09:00:00+08:00', '2026-11-23T01:30:00Z')).toBe(30);
    expect(minutesBetween('2026-11-23T10:00:00+08:00', '2026-11-23T09:00:00+08:00')).toBe(-60);
  });

  it('reads a date-time without an offset as compound wall time, never as host time', () => {
    process.env.TZ = 'America/New_York';
    try {
      expect(formatInstant('2026-11-23T09:00')).toBe('2026-11-23T09:00:00+08:00');
      expect(formatInstant('2026-11-23T09:00:30')).toBe('2026-11-23T09:00:30+08:00');
      expect(formatInstant('2026-11-23')).toBe('2026-11-23T00:00:00+08:00');
      expect(formatInstant('2026-11-23T09:00', 'UTC')).toBe('2026-11-23T09:00:00+00:00');
    } finally {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    }
  });

  it('formats a bare calendar date as that date, not as UTC midnight', () => {
    expect(formatDate('2026-11-23', 'en', 'America/New_York')).toBe('Nov 23, 2026');
    expect(formatDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日');
  });

  it('round-trips every instant through its ISO text (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/London'),
        (ms, tz) => {
          expect(Date.parse(formatInstant(ms, tz))).toBe(Math.floor(ms / 1000) * 1000);
        },
      ),
    );
  });

  it('rebuilds an instant from its local date and time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 365 * 60 }), fc.constantFrom('Asia/Shanghai', 'Asia/Kolkata'), (minutes, tz) => {
        const at = Date.UTC(2000, 0, 1) + minutes * 60_000;
        expect(toInstant(localDate(at, tz), localTime(at, tz), tz)).toBe(formatInstant(at, tz));
        expect(zonedParts(at, tz).weekday).toBe(((new Date(Date.parse(`${localDate(at, tz)}T00:00:00Z`)).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });
});
