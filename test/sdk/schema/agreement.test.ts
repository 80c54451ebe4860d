import { describe, expect, it } from 'vitest';
import { Agreement, AgreementChangeInput } from '@bianmin/sdk';
import { createMockBackend } from '@bianmin/mock';

// Seed 004: a long-term agreement works some days a week and rests at least one.
describe('an agreement’s work days', () => {
  const agreement = createMockBackend().state.agreements[0]!;

  it('are at least one and at most six a week, in an agreement and in a change of times', () => {
    const days = (workDays: number[]) => Agreement.safeParse({ ...agreement, workDays }).success;
    expect([days([1]), days([1, 2, 3, 4, 5, 6]), days([]), days([1, 2, 3, 4, 5, 6, 7])]).toEqual([true, true, false, false]);
    const change = (workDays: number[]) => AgreementChangeInput.safeParse({ kind: 'times', requestedBy: 'resident', effectiveDate: '2026-12-01', workDays }).success;
    expect([change([1, 3, 5]), change([]), change([1, 2, 3, 4, 5, 6, 7])]).toEqual([true, false, false]);
  });
});
