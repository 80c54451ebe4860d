import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskName, maskPhone, maskRoom, redact } from '@bianmin/sdk/rules';

describe('masks', () => {
  it('names keep their first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Lei')).toBe('L*****');
    expect(maskName('王')).toBe('*');
    expect(maskName('  李四 ')).toBe('李*');
    expect(maskName('')).toBe('');
    expect(maskName('𠮷野家')).toBe('𠮷**'); // a character outside the BMP is one character
  });

  it('mobile numbers keep the first 3 and last 4 digits; others only the last 2', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0755-8888-6666')).toBe('****66');
    expect(maskPhone('120')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });

  it('never shows a whole phone number (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789'), { minLength: 3, maxLength: 20 }).map((d) => d.join('')), (digits) => {
        expect(maskPhone(digits).replace(/\D/g, '')).not.toBe(digits);
        expect(maskPhone(digits)).toContain('****');
      }),
    );
  });

  it('rooms keep their last 2 characters, short rooms are all stars', () => {
    expect(maskRoom('1203')).toBe('**03');
    expect(maskRoom('B-1203')).toBe('****03');
    expect(maskRoom('301')).toBe('***');
    expect(maskRoom('5')).toBe('***');
  });
});

describe('redact: the log hook mask', () => {
  const booking = {
    id: 'bk-1',
    serviceName: { 'zh-CN': '室内保洁' },
    household: { building: '3', room: '1201' },
    contact: { name: '张三丰', phone: '13812345678' },
    borrower: '欧阳娜娜',
    notes: 'ring twice',
    items: [{ name: '李四', phone: 13987654321 }],
    quote: { total: 2000 },
  };

  it('masks personal values wherever they are, leaving the rest', () => {
    const out = redact(booking) as typeof booking;
    expect(out.contact).toEqual({ name: '张**', phone: '138****5678' });
    expect(out.household.room).toBe('**01');
    expect(out.borrower).toBe('欧***');
    expect(out.items[0]).toEqual({ name: '李*', phone: '139****4321' });
    expect(out.serviceName).toEqual({ 'zh-CN': '室内保洁' });
    expect(out.notes).toBe('ring twice');
    expect(out.quote).toEqual({ total: 2000 });
    const text = JSON.stringify(out);
    for (const secret of ['张三丰', '13812345678', '1201', '欧阳娜娜', '13987654321']) expect(text).not.toContain(secret);
  });

  it('masks a personal key holding a plain string or number', () => {
    expect(redact({ contact: '13812345678', household: '3-1201', phone: 13812345678 })).toEqual({
      contact: '1**********',
      household: '****01',
      phone: '138****5678',
    });
  });

  it('deep-copies: the input is untouched', () => {
    const input = structuredClone(booking);
    redact(input);
    expect(input).toEqual(booking);
  });

  it('hides tokens and authorization in any case, in objects and in Headers', () => {
    const out = redact({
      Authorization: 'Bearer abc.def',
      token: 'secret-1',
      accessToken: 'secret-2',
      headers: new Headers({ authorization: 'Bearer xyz', 'x-request-id': 'req-1' }),
    }) as Record<string, unknown>;
    expect(out).toEqual({
      Authorization: '[redacted]',
      token: '[redacted]',
      accessToken: '[redacted]',
      headers: { authorization: '[redacted]', 'x-request-id': 'req-1' },
    });
  });

  it('keeps primitives, errors and cycles manageable', () => {
    expect(redact('13812345678')).toBe('13812345678');
    expect(redact(null)).toBeNull();
    expect(redact([1, 'a'])).toEqual([1, 'a']);
    expect(redact({ err: new TypeError('bad phone') })).toEqual({ err: { name: 'TypeError', message: 'bad phone' } });
    const loop: Record<string, unknown> = { name: '王五' };
    loop.self = loop;
    const out = redact(loop) as Record<string, unknown>;
    expect(out.name).toBe('王*');
    expect(out.self).toBe(out);
  });
});
