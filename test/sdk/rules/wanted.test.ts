import { describe, expect, it } from 'vitest';
import { checkWantedAt, needsWantedAt, wantedTimes, WANTED_HORIZON_DAYS } from '@bianmin/sdk/rules';
import type { OpeningHours, PriceRule } from '@bianmin/sdk/schema';

// Monday 23 November 2026, 10:00 in Shanghai.
const NOW = '2026-11-23T10:00:00+08:00';
const carWash = { hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '18:00' }] as OpeningHours[] };
const weekdaysOnly = { hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' }, { days: [1, 2, 3, 4, 5], open: '14:00', close: '17:00' }] as OpeningHours[] };

describe('the wanted time of a service without slots', () => {
  it('is needed when the service has no slots and its price differs by period', () => {
    const band = { name: 'peak' as const, days: [6, 7], from: '08:00', to: '18:00', amount: 3000 };
    const fixedPeak: PriceRule = { kind: 'fixed', amount: 2500, bands: [band] };
    const perUnitPeak: PriceRule = { kind: 'per-unit', unit: 'hour', amount: 2000, bands: [band] };
    expect(needsWantedAt({ price: fixedPeak })).toBe(true);
    expect(needsWantedAt({ price: perUnitPeak })).toBe(true);
    expect(needsWantedAt({ price: fixedPeak, slots: {} })).toBe(false);
    expect(needsWantedAt({ price: { kind: 'fixed', amount: 2500 } })).toBe(false);
    expect(needsWantedAt({ price: { kind: 'fixed', amount: 2500, bands: [] } })).toBe(false);
    expect(needsWantedAt({ price: { kind: 'quote', basis: 'inspection' } })).toBe(false);
  });

  it('is taken from now on, within the opening hours, less than a year ahead, in the compound zone', () => {
    const at = (t: string) => checkWantedAt(carWash, t, NOW);
    expect(at('2026-11-23T10:00:00+08:00')).toEqual({ ok: true });
    expect(at('2026-11-23T09:59:00+08:00')).toEqual({ ok: false, reason: 'past' });
    expect(at('2026-11-24T08:00')).toEqual({ ok: true }); // a wall time of the compound
    expect(at('2026-11-24T07:59')).toEqual({ ok: false, reason: 'closed' });
    expect(at('2026-11-24T17:59')).toEqual({ ok: true });
    expect(at('2026-11-24T18:00')).toEqual({ ok: false, reason: 'closed' });
    expect(at('2026-11-24T01:00:00Z')).toEqual({ ok: true }); // 09:00 in Shanghai
    expect(at('2026-11-24T23:00:00Z')).toEqual({ ok: false, reason: 'closed' }); // 07:00 the next day
    expect(WANTED_HORIZON_DAYS).toBe(366);
    expect(at('2027-11-23T10:00')).toEqual({ ok: true }); // day 365
    expect(at('2027-11-24T10:00')).toEqual({ ok: false, reason: 'too-far' });
    expect(at('next tuesday')).toEqual({ ok: false, reason: 'invalid' });
    // A job of three hours must be done by closing time.
    expect(checkWantedAt(carWash, '2026-11-24T15:00', NOW, undefined, 180)).toEqual({ ok: true });
    expect(checkWantedAt(carWash, '2026-11-24T15:30', NOW, undefined, 180)).toEqual({ ok: false, reason: 'closed' });
    expect(at('2026-11-24T25:00')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('follows every range of the hours; a service that names none takes any time of day, and is offered 08:00–20:00', () => {
    const at = (t: string) => checkWantedAt(weekdaysOnly, t, NOW).ok;
    expect([at('2026-11-24T11:59'), at('2026-11-24T12:30'), at('2026-11-24T14:00'), at('2026-11-28T10:00')]).toEqual([true, false, true, false]);
    // A wake-up call or a taxi at dawn, booked by the desk.
    const none = (t: string) => checkWantedAt({}, t, NOW).ok;
    expect([none('2026-11-24T05:30'), none('2026-11-24T07:59'), none('2026-11-24T20:00'), none('2026-11-23T09:59')]).toEqual([true, true, true, false]);
    const offered = wantedTimes({}, { now: NOW, days: 2, stepMinutes: 60, from: '2026-11-24' }).filter((t) => t.startsWith('2026-11-24'));
    expect([offered[0], offered.at(-1), offered.length]).toEqual(['2026-11-24T08:00:00+08:00', '2026-11-24T19:00:00+08:00', 12]);
  });

  it('offers each instant once and in time order across a daylight-saving change (a compound outside China)', () => {
    // New York springs forward on 14 March 2027: 02:00–02:59 does not exist that night.
    const allDay = { hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }] as OpeningHours[] };
    const times = wantedTimes(allDay, { now: '2027-03-14T00:00:00-05:00', days: 1, stepMinutes: 30, timeZone: 'America/New_York' });
    const epochs = times.map((t) => Date.parse(t));
    expect(new Set(times).size).toBe(times.length);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
    expect(times.every((t) => checkWantedAt(allDay, t, '2027-03-14T00:00:00-05:00', 'America/New_York').ok)).toBe(true);
  });

  it('are offered on a grid from each opening, from now on, every one of them accepted by the check', () => {
    // Monday 10:00: today's 08:00–09:30 have passed; 17:30 is the last of 08:00–18:00 every half hour.
    const times = wantedTimes(carWash, { now: NOW, days: 2, stepMinutes: 30 });
    expect(times[0]).toBe('2026-11-23T10:00:00+08:00');
    expect(times.filter((t) => t.startsWith('2026-11-23'))).toHaveLength(16);
    expect(times.filter((t) => t.startsWith('2026-11-24'))).toHaveLength(20);
    expect(times.at(-1)).toBe('2026-11-24T17:30:00+08:00');
    expect(times.every((t) => checkWantedAt(carWash, t, NOW).ok)).toBe(true);
    // Two ranges a day, weekdays only: nothing on Saturday and Sunday; hourly steps.
    const split = wantedTimes(weekdaysOnly, { now: NOW, days: 7, stepMinutes: 60, from: '2026-11-24' });
    expect(split.filter((t) => t.startsWith('2026-11-24')).map((t) => t.slice(11, 16))).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
    expect(split.some((t) => t.startsWith('2026-11-28') || t.startsWith('2026-11-29'))).toBe(false);
    // None beyond the horizon, whatever the days asked.
    expect(wantedTimes(carWash, { now: NOW, days: 1, stepMinutes: 60, from: '2027-11-24' })).toEqual([]);
  });

  it('leave out the times at which a job of the length booked would not be done by closing, as the check does', () => {
    // Three hours on Tuesday: 15:00 is the last start that ends by 18:00; 15:30–17:30 are not offered.
    const three = wantedTimes(carWash, { now: NOW, days: 1, stepMinutes: 30, from: '2026-11-24', minutes: 180 });
    expect([three[0], three.at(-1), three.length]).toEqual(['2026-11-24T08:00:00+08:00', '2026-11-24T15:00:00+08:00', 15]);
    const all = wantedTimes(carWash, { now: NOW, days: 1, stepMinutes: 30, from: '2026-11-24' });
    for (const t of all) expect(three.includes(t)).toBe(checkWantedAt(carWash, t, NOW, undefined, 180).ok);
    // Each range on its own: two hours fit 09:00–12:00 from 09:00 and 10:00, and 14:00–17:00 from 14:00 and 15:00.
    const split = wantedTimes(weekdaysOnly, { now: NOW, days: 1, stepMinutes: 60, from: '2026-11-24', minutes: 120 });
    expect(split.map((t) => t.slice(11, 16))).toEqual(['09:00', '10:00', '14:00', '15:00']);
    // A service that names no hours takes any time, whatever the length: the offered grid stays 08:00–19:00.
    const none = wantedTimes({}, { now: NOW, days: 1, stepMinutes: 60, from: '2026-11-24', minutes: 600 });
    expect([none[0], none.at(-1), none.length]).toEqual(['2026-11-24T08:00:00+08:00', '2026-11-24T19:00:00+08:00', 12]);
  });
});
