import { DEFAULT_OPENING_HOURS, addDays, localDate, localTime, minuteOfDay, offsetMinutes, toEpoch, weekdayOf } from '@bianmin/sdk/rules';
import { fail, skip } from '../assert.js';
import { slotsOf, type Ctx } from '../context.js';
import { allows, strings } from '../fixtures.js';
import type { Caller } from '../http.js';
import { slotServices, timeZoneOf } from '../inputs.js';

// Time on the wire (contract: instants are ISO 8601 with an offset; slots and dates are the
// compound's, Asia/Shanghai, whatever the client's zone).

const LOOKS_LIKE_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Every string of every successful answer so far that looks like an instant, with where it was. */
function instants(ctx: Ctx): { value: string; where: string }[] {
  const out: { value: string; where: string }[] = [];
  for (const ex of ctx.http.log) {
    if (ex.status >= 300) continue;
    strings(ex.json, (s, path) => {
      if (LOOKS_LIKE_INSTANT.test(s)) out.push({ value: s, where: `${ex.method} ${ex.path} ${path}` });
    });
  }
  return out;
}

const formatOffset = (minutes: number): string => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

export async function timeChecks(ctx: Ctx): Promise<void> {
  const tz = timeZoneOf(ctx.fx);

  // Slots on the grid the rules draw: inside the service's opening hours (or the contract's default
  // hours), starting at `open` and every `durationMinutes + bufferMinutes` after, read in the compound's zone.
  for (const item of slotServices(ctx.fx)) {
    await ctx.check({ id: `time.grid:${item.id}`, group: 'time', title: `Slots of ${item.id} fall on the compound's local grid`, endpoint: 'services.availability' }, async () => {
      const as = (['public', 'resident', 'staff'] as Caller[]).find((c) => ctx.http.has(c) && allows('services.availability', c));
      if (!as) return skip('needs a token for the availability endpoint');
      const policy = item.slots!;
      const { from, days, slots } = await slotsOf(ctx, item, as);
      if (!slots.length) return skip(`no slots offered in the ${days} days from ${from}`);
      const until = addDays(from, days);
      const hours = item.hours ?? DEFAULT_OPENING_HOURS;
      const step = policy.durationMinutes + policy.bufferMinutes;
      const bad: string[] = [];
      for (const s of slots) {
        const minutes = (toEpoch(s.end) - toEpoch(s.start)) / 60_000;
        const date = localDate(s.start, tz);
        const t = minuteOfDay(localTime(s.start, tz));
        const weekday = weekdayOf(date);
        const onGrid = hours.some((h) => {
          const open = minuteOfDay(h.open);
          return h.days.includes(weekday) && t >= open && t + policy.durationMinutes <= minuteOfDay(h.close) && (t - open) % step === 0;
        });
        if (minutes !== policy.durationMinutes) bad.push(`${s.start} lasts ${minutes} min, the policy ${policy.durationMinutes}`);
        else if (date < from || date >= until) bad.push(`${s.start} is on ${date}, outside the ${days} days asked from ${from}`);
        else if (!onGrid) bad.push(`${s.start} starts at ${localTime(s.start, tz)} on ${date} (weekday ${weekday}) in ${tz}, off the grid of its opening hours`);
        else if (s.capacity !== policy.capacity || s.remaining > s.capacity) bad.push(`${s.start} has capacity ${s.capacity}, remaining ${s.remaining}; the policy's capacity is ${policy.capacity}`);
      }
      if (bad.length) fail(`${bad.length} of ${slots.length} slots: ${bad.slice(0, 3).join('; ')}`);
      return `${slots.length} slots over ${days} days from ${from}`;
    });
  }

  await ctx.check({ id: 'time.offsets', group: 'time', title: 'Every instant in every answer carries an offset' }, async () => {
    const all = instants(ctx);
    if (!all.length) return skip('no instants in the answers read so far');
    const bad = all.filter((i) => !WITH_OFFSET.test(i.value));
    if (bad.length) fail(`${bad.length} of ${all.length} without an offset: ${bad.slice(0, 3).map((b) => `${b.where} = "${b.value}"`).join('; ')}`);
    return `${all.length} instants in ${ctx.http.log.length} answers`;
  });

  // Advisory: an instant written in UTC is correct, but every screen then has to convert it.
  await ctx.check({ id: 'time.compound-offset', group: 'time', title: `Instants are written in the compound's offset (${tz})`, required: false }, async () => {
    const all = instants(ctx).filter((i) => WITH_OFFSET.test(i.value));
    if (!all.length) return skip('no instants with an offset to read');
    const bad = all.filter((i) => {
      const m = WITH_OFFSET.exec(i.value)?.[1] ?? 'Z';
      return (m === 'Z' ? '+00:00' : m) !== formatOffset(offsetMinutes(i.value, tz));
    });
    if (bad.length) fail(`${bad.length} of ${all.length} in another offset: ${bad.slice(0, 3).map((b) => `${b.where} = "${b.value}"`).join('; ')}`);
    return `${all.length} instants, all in ${tz}'s offset`;
  });

}
