/**
 * Masking of personal data (names, phones, rooms). Residents' personal data never appears in logs or
 * on a public screen (DOMAIN §5, house rules); these are the masks the widgets and the log hook use.
 */

/** First character kept, the rest starred: '张三' → '张*', 'Li Lei' → 'L*****'; one character → '*'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length ? '*' : '';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * '13812345678' → '138****5678' (an 11-digit number, hyphens and spaces ignored). Any other number
 * keeps only its last 2 digits behind four stars ('****78') when it has at least 5 digits, and is
 * '****' otherwise: never the full number.
 */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.length === 11) return `${d.slice(0, 3)}****${d.slice(7)}`;
  return d.length >= 5 ? `****${d.slice(-2)}` : '****';
}

/** '1203' → '**03' (the last 2 characters kept, the rest starred); 3 characters or fewer → '***'. */
export function maskRoom(room: string): string {
  const chars = Array.from(room.trim());
  return chars.length <= 3 ? '***' : '*'.repeat(chars.length - 2) + chars.slice(-2).join('');
}

const SECRET = '[redacted]';
type Masker = (s: string) => string;

/** Keys whose values are personal or secret, and how a string under each is masked. */
const MASKERS: Record<string, Masker> = {
  name: maskName,
  phone: maskPhone,
  room: maskRoom,
  contact: maskName,
  borrower: maskName,
  household: maskRoom,
  token: () => SECRET,
  authorization: () => SECRET,
};

function maskerFor(key: string): Masker | undefined {
  const k = key.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(MASKERS, k)) return MASKERS[k];
  if (k.endsWith('token') || k === 'cookie' || k === 'set-cookie' || k === 'password') return () => SECRET;
  if (k.endsWith('phone')) return maskPhone;
  return undefined;
}

function walk(value: unknown, masker: Masker | undefined, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return masker ? masker(value) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return masker ? masker(String(value)) : value;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const v of value) copy.push(walk(v, masker, seen));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  // An Error keeps its name (a class name, not a person's); its message is walked like any string.
  if (value instanceof Error) {
    copy.name = value.name;
    copy.message = walk(value.message, masker, seen);
    return copy;
  }
  // Headers (fetch) and Maps are read as their entries.
  const entries: Iterable<[string, unknown]> =
    value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers)
      ? (value as Map<string, unknown>).entries()
      : Object.entries(value);
  for (const [k, v] of entries) {
    // Under a personal key everything is masked, with the key's own masker for strings below it.
    copy[k] = walk(v, maskerFor(k) ?? masker, seen);
  }
  return copy;
}

/**
 * A deep copy of `value` with personal and secret values masked: strings under the keys name, phone,
 * contact, borrower, room, household (any case) are masked with maskName / maskPhone / maskRoom;
 * token, authorization, cookie, password and any key ending in "token" become '[redacted]'; keys
 * ending in "phone" are masked as phones. Objects under those keys are masked throughout. Headers and
 * Maps become plain objects, an Error `{ name, message }`; cycles are preserved. For the client's log hook.
 */
export function redact(value: unknown): unknown {
  return walk(value, undefined, new WeakMap());
}
