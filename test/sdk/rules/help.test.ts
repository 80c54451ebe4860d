import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMERGENCY_KINDS, HELP_KINDS, PUBLIC_NUMBERS, type HelpRequest } from '@bianmin/sdk/schema';
import { helpClock, isEmergency, replyDueAt, telHref } from '@bianmin/sdk/rules';

const RECEIVED = '2026-11-23T23:58:00+08:00';

function request(over: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id: 'help-1',
    number: 'H-20261123-0001',
    kind: 'repair',
    location: { building: '3', room: '1201' },
    phone: '13812345678',
    description: '水管漏水',
    status: 'received',
    receivedAt: RECEIVED,
    replyDueAt: replyDueAt({ kind: 'repair', receivedAt: RECEIVED }),
    history: [{ status: 'received', at: RECEIVED }],
    ...over,
  };
}

describe('emergencies', () => {
  it('medical, security and disaster put the public numbers first; the rest do not', () => {
    expect(HELP_KINDS.filter(isEmergency)).toEqual(['medical', 'security', 'disaster']);
    expect(HELP_KINDS.filter(isEmergency)).toEqual([...EMERGENCY_KINDS]);
  });
});

describe('reply due times (seed 003)', () => {
  it('5 minutes after receipt, across midnight', () => {
    expect(replyDueAt({ kind: 'medical', receivedAt: RECEIVED })).toBe('2026-11-24T00:03:00+08:00');
    expect(replyDueAt({ kind: 'consultation', mode: 'oral', receivedAt: RECEIVED })).toBe('2026-11-24T00:03:00+08:00');
    expect(replyDueAt({ kind: 'complaint', receivedAt: '2026-11-23T01:00:00Z' })).toBe('2026-11-23T09:05:00+08:00');
  });

  it('a written consultation gets 2 days (48 hours)', () => {
    expect(replyDueAt({ kind: 'consultation', mode: 'written', receivedAt: RECEIVED })).toBe('2026-11-25T23:58:00+08:00');
  });
});

describe('the help clock', () => {
  it('runs while the request awaits acknowledgement, then a reply', () => {
    expect(helpClock(request(), '2026-11-23T23:59:00+08:00')).toEqual({
      phase: 'awaiting-acknowledgement',
      dueAt: '2026-11-24T00:03:00+08:00',
      remainingMs: 4 * 60_000,
      overdue: false,
    });
    const ack = request({ status: 'acknowledged', acknowledgedAt: '2026-11-23T23:58:20+08:00' });
    expect(helpClock(ack, '2026-11-24T00:03:00+08:00')).toMatchObject({ phase: 'awaiting-reply', remainingMs: 0, overdue: false });
    expect(helpClock(ack, '2026-11-24T00:03:01+08:00')).toMatchObject({ phase: 'awaiting-reply', remainingMs: -1000, overdue: true });
    expect(helpClock(request({ status: 'in-progress' }), '2026-11-24T00:00:00+08:00').phase).toBe('awaiting-reply');
  });

  it('stops at the reply: on time stays on time, late stays late', () => {
    const onTime = request({ status: 'replied', repliedAt: '2026-11-24T00:01:00+08:00', reply: '已派维修工' });
    expect(helpClock(onTime, '2026-11-30T00:00:00+08:00')).toMatchObject({ phase: 'replied', remainingMs: 2 * 60_000, overdue: false });
    const late = request({ status: 'resolved', repliedAt: '2026-11-24T00:10:00+08:00' });
    expect(helpClock(late, '2026-11-30T00:00:00+08:00')).toMatchObject({ phase: 'closed', remainingMs: -7 * 60_000, overdue: true });
  });

  it('a referral answers the request (never pass the buck)', () => {
    const referred = request({
      status: 'referred',
      referral: { to: { 'zh-CN': '自来水公司' } },
      history: [{ status: 'received', at: RECEIVED }, { status: 'referred', at: '2026-11-24T00:02:00+08:00' }],
    });
    expect(helpClock(referred, '2026-11-30T00:00:00+08:00')).toMatchObject({ phase: 'referred', remainingMs: 60_000, overdue: false });
  });

  it('a written consultation has two days on the clock', () => {
    const receivedAt = '2026-11-23T10:00:00+08:00';
    const written = request({ kind: 'consultation', mode: 'written', receivedAt, replyDueAt: replyDueAt({ kind: 'consultation', mode: 'written', receivedAt }) });
    expect(helpClock(written, '2026-11-24T10:00:00+08:00')).toMatchObject({ remainingMs: 24 * 3_600_000, overdue: false });
  });
});

describe('telHref', () => {
  it('dials the digits of public and service numbers', () => {
    expect(PUBLIC_NUMBERS.map((n) => telHref(n.number))).toEqual(['tel:120', 'tel:110', 'tel:119', 'tel:122']);
    expect(telHref('0755-8888-6666')).toBe('tel:075588886666');
    expect(telHref(' 138 1234 5678 ')).toBe('tel:13812345678');
  });

  it('refuses anything that is not digits, hyphens and spaces, and empty numbers', () => {
    for (const bad of ['', ' - ', '+8613812345678', '120;ext=1', 'javascript:alert(1)', '１２０', '120\u0000', 'tel:120', '(0755)88886666']) {
      expect(telHref(bad)).toBeNull();
    }
  });

  it('never returns anything but tel: followed by digits (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...'0123456789 -'), { maxLength: 20 }).map((cs) => cs.join('')), fc.string({ unit: 'binary' })), (s) => {
        const href = telHref(s);
        if (href !== null) {
          expect(href).toMatch(/^tel:[0-9]+$/);
          expect(href.slice(4)).toBe(s.replace(/[^0-9]/g, ''));
        } else {
          expect(/^[\s-]*([0-9][\s-]*)+$/.test(s)).toBe(false);
        }
      }),
    );
  });
});
