import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES, HELP_STATUSES, LOAN_STATUSES, PRICE_LIST_STATUSES } from '@bianmin/sdk/schema';
import {
  BOOKING_TRANSITIONS,
  HELP_TRANSITIONS,
  LOAN_TRANSITIONS,
  OPEN_BOOKING_STATUSES,
  OPEN_HELP_STATUSES,
  PRICE_LIST_TRANSITIONS,
  type TransitionTable,
  canTransition,
  isTerminal,
} from '@bianmin/sdk/rules';

const tables: Array<{ name: string; table: TransitionTable<string>; states: readonly string[]; initial: string[]; terminal: string[] }> = [
  { name: 'booking', table: BOOKING_TRANSITIONS, states: BOOKING_STATUSES, initial: ['requested', 'quote-requested'], terminal: ['completed', 'cancelled', 'rejected', 'no-show'] },
  { name: 'loan', table: LOAN_TRANSITIONS, states: LOAN_STATUSES, initial: ['out', 'given'], terminal: ['returned', 'given'] },
  { name: 'help', table: HELP_TRANSITIONS, states: HELP_STATUSES, initial: ['received'], terminal: ['resolved'] },
  { name: 'price list', table: PRICE_LIST_TRANSITIONS, states: PRICE_LIST_STATUSES, initial: ['draft'], terminal: ['superseded'] },
];

for (const { name, table, states, initial, terminal } of tables) {
  describe(`${name} transitions`, () => {
    it('has exactly one row per state of the schema', () => {
      expect(Object.keys(table).sort()).toEqual([...states].sort());
    });

    it('every target is a state with its own row, and no state moves to itself', () => {
      for (const [from, targets] of Object.entries(table)) {
        for (const to of targets) {
          expect(Object.keys(table)).toContain(to);
          expect(to).not.toBe(from);
          expect(canTransition(table, from, to)).toBe(true);
        }
        expect(new Set(targets).size).toBe(targets.length);
      }
    });

    it('the terminal states have no exits, and nothing else is terminal', () => {
      for (const s of states) {
        expect(isTerminal(table, s)).toBe(terminal.includes(s));
        if (terminal.includes(s)) for (const t of states) expect(canTransition(table, s, t)).toBe(false);
      }
    });

    it('every state is reachable from a starting state', () => {
      const seen = new Set(initial);
      const queue = [...initial];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const t of table[s] ?? []) if (!seen.has(t)) (seen.add(t), queue.push(t));
      }
      expect([...seen].sort()).toEqual([...states].sort());
    });

    it('unknown states never transition, including prototype names', () => {
      for (const unknown of ['nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        for (const s of states) {
          expect(canTransition(table, unknown, s)).toBe(false);
          expect(canTransition(table, s, unknown)).toBe(false);
        }
      }
    });
  });
}

describe('open states', () => {
  it('open bookings are exactly the ones that are not finished', () => {
    expect([...OPEN_BOOKING_STATUSES].sort()).toEqual(BOOKING_STATUSES.filter((s) => !isTerminal(BOOKING_TRANSITIONS, s)).sort());
  });

  it('open help requests are those the office still owes an answer or a resolution', () => {
    expect([...OPEN_HELP_STATUSES].sort()).toEqual(HELP_STATUSES.filter((s) => s !== 'referred' && s !== 'resolved').sort());
  });

  it('a booking can be cancelled until the service starts, a lost loan can still come back', () => {
    expect(BOOKING_STATUSES.filter((s) => canTransition(BOOKING_TRANSITIONS, s, 'cancelled'))).toEqual(['requested', 'quote-requested', 'quoted', 'confirmed']);
    expect(canTransition(LOAN_TRANSITIONS, 'lost', 'returned')).toBe(true);
    expect(canTransition(PRICE_LIST_TRANSITIONS, 'draft', 'published')).toBe(false);
  });
});
