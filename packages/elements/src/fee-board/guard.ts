/**
 * What may reach a public screen. A lobby board never shows residents' personal data (DOMAIN §5):
 * the FeeBoard schema has no field for it, and this guard makes sure of it on the board's side too.
 *
 * - Only the schema's fields survive. `guardBoard` rebuilds the board field by field, checking each
 *   one as the SDK's `FeeBoard` schema does (ids, instants, integer fen, price kinds and units), and
 *   refuses the whole board when anything is off. The SDK client has already validated a response;
 *   this second look also covers the copy kept in localStorage and clients built by hand, and it
 *   costs no schema library in the board's bundle. test/elements/fee-board.test.ts checks that it
 *   accepts and refuses the same boards as the schema.
 * - Every text passes `scrubText`: mainland mobile numbers (/1[3-9]\d{9}/, with or without +86 and
 *   separators), any other phone-like run of 7 or more digits except the compound's own service
 *   phone, and labelled personal fragments ("联系人：…", "业主：…", "Contact: …") are removed.
 */
import type { FeeBoard, FeeBoardList, FeeBoardRow, FeeBoardSection, LocalizedText, PriceBand, PriceRule, PriceUnit } from '@bianmin/sdk';

/** An 11-digit mainland mobile number, optionally behind +86, with optional spaces or hyphens. */
const MOBILE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}/g;
/** Seven or more digits in a row (spaces and hyphens allowed between them): a phone number. */
const PHONE_LIKE = /\+?\d(?:[\s-]?\d){6,}/g;
/** A date written with separators is not a phone number: `2026-01-01`. */
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** A person named behind a label: "联系人：王芳", "业主: 张三", "Contact: Wang Fang". */
const LABELLED =
  /(?:联系人|联系方式|业主|住户|租户|户主|姓名|经办人|负责人|contact(?:\s+person)?|resident|owner|tenant|name)\s*[:：][^,，;；。)）\n]*/giu;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** `text` without phone numbers (other than `servicePhone`) or labelled personal fragments. */
export function scrubText(text: string, servicePhone = ''): string {
  const keep = digitsOf(servicePhone);
  return text
    .replace(LABELLED, '')
    .replace(MOBILE, '')
    .replace(PHONE_LIKE, (m) => (DATE_LIKE.test(m) || (keep.length > 0 && digitsOf(m) === keep) ? m : ''))
    .replace(/[（(][\s,，;；:：、]*[)）]/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,，;；:：、]+|[\s,，;；:：、]+$/g, '');
}

// ---- the FeeBoard schema, checked field by field (packages/sdk/src/schema/fee-board.ts, catalog.ts, common.ts)

/** Thrown inside the guard; never escapes it. */
class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : refuse());
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : refuse());
const str = (v: unknown, max = Number.POSITIVE_INFINITY, min = 0): string =>
  typeof v === 'string' && v.length >= min && v.length <= max ? v : refuse();
const match = (v: unknown, re: RegExp): string => (re.test(str(v)) ? (v as string) : refuse());
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T => (values.includes(v as T) ? (v as T) : refuse());
const int = (v: unknown, min: number, max: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : refuse();

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** ISO 8601 with seconds and an offset (or Z), as `z.iso.datetime({ offset: true })` accepts. */
const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const SERVICE_PHONE = /^\+?\d[\d-]{1,19}$/;
const MAX_FEN = 1_000_000_000;

const UNITS = ['time', 'hour', 'person', 'person-hour', 'item', 'm2', 'kg', 'day', 'month', 'set'] as const satisfies readonly PriceUnit[];
// Compile-time check that no unit of the schema is missing here.
const allUnits: [Exclude<PriceUnit, (typeof UNITS)[number]>] extends [never] ? true : false = true;
void allUnits;

const instant = (v: unknown): string => (Number.isFinite(Date.parse(match(v, INSTANT))) ? (v as string) : refuse());
const fen = (v: unknown): number => int(v, 0, MAX_FEN);

function text(v: unknown, phone: string): LocalizedText {
  const o = obj(v);
  const out: LocalizedText = { 'zh-CN': scrubText(str(o['zh-CN'], 2000, 1), phone) };
  if (o.en !== undefined) out.en = scrubText(str(o.en, 2000), phone);
  return out;
}

function band(v: unknown): PriceBand {
  const o = obj(v);
  const days = arr(o.days).map((d) => int(d, 1, 7));
  if (days.length === 0) refuse();
  return { name: oneOf(o.name, ['peak', 'off-peak'] as const), days, from: match(o.from, LOCAL_TIME), to: match(o.to, LOCAL_TIME), amount: fen(o.amount) };
}

function price(v: unknown): PriceRule {
  const o = obj(v);
  const bands = (): { bands?: PriceBand[] } => (o.bands === undefined ? {} : { bands: arr(o.bands).map(band) });
  switch (o.kind) {
    case 'free':
      return { kind: 'free' };
    case 'fixed':
      return { kind: 'fixed', amount: fen(o.amount), ...bands() };
    case 'per-unit':
      return {
        kind: 'per-unit',
        unit: oneOf(o.unit, UNITS),
        amount: fen(o.amount),
        ...(o.minQuantity === undefined ? {} : { minQuantity: int(o.minQuantity, 1, Number.MAX_SAFE_INTEGER) }),
        ...bands(),
      };
    case 'quote':
      return { kind: 'quote', basis: oneOf(o.basis, ['inspection', 'market', 'negotiable'] as const), ...(o.from === undefined ? {} : { from: fen(o.from) }) };
    case 'labour-materials':
      return { kind: 'labour-materials', labour: fen(o.labour), labourUnit: oneOf(o.labourUnit, ['time', 'hour'] as const) };
    default:
      return refuse();
  }
}

function row(v: unknown, phone: string): FeeBoardRow {
  const o = obj(v);
  const out: FeeBoardRow = { serviceId: match(o.serviceId, ID), name: text(o.name, phone), price: price(o.price) };
  if (o.note !== undefined) out.note = text(o.note, phone);
  return out;
}

function section(v: unknown, phone: string): FeeBoardSection {
  const o = obj(v);
  return { categoryId: match(o.categoryId, ID), title: text(o.title, phone), rows: arr(o.rows).map((r) => row(r, phone)) };
}

function list(v: unknown, phone: string): FeeBoardList {
  const o = obj(v);
  return {
    priceListId: match(o.priceListId, ID),
    version: scrubText(str(o.version), phone).slice(0, 40),
    effectiveFrom: instant(o.effectiveFrom),
    sections: arr(o.sections).map((s) => section(s, phone)),
    notes: arr(o.notes).map((n) => text(n, phone)),
  };
}

/**
 * The board as the screen may show it, or `undefined` when `value` is not a FeeBoard. Extra fields are
 * dropped at every level and every text is scrubbed; the service phone is the only number kept.
 */
export function guardBoard(value: unknown): FeeBoard | undefined {
  try {
    const b = obj(value);
    const c = obj(b.compound);
    const phone = match(c.servicePhone, SERVICE_PHONE);
    const out: FeeBoard = {
      compound: { name: text(c.name, phone), servicePhone: phone },
      current: list(b.current, phone),
      generatedAt: instant(b.generatedAt),
    };
    if (b.upcoming !== undefined) out.upcoming = list(b.upcoming, phone);
    return out;
  } catch (e) {
    if (e instanceof Refused) return undefined;
    throw e;
  }
}

/** What the board keeps in localStorage: the last good board and when it was fetched (epoch ms). */
export interface CachedBoard {
  savedAt: number;
  board: FeeBoard;
}

const CACHE_VERSION = 1;

/** Reads the last good board; anything unreadable or not a FeeBoard counts as nothing. */
export function readCache(storage: Storage | undefined, key: string): CachedBoard | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as { v?: unknown; savedAt?: unknown; board?: unknown };
    if (data.v !== CACHE_VERSION || typeof data.savedAt !== 'number' || !Number.isFinite(data.savedAt)) return undefined;
    const board = guardBoard(data.board);
    return board ? { savedAt: data.savedAt, board } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the last good board; a full or forbidden storage is not an error for a screen. */
export function writeCache(storage: Storage | undefined, key: string, entry: CachedBoard): void {
  try {
    storage?.setItem(key, JSON.stringify({ v: CACHE_VERSION, ...entry }));
  } catch {
    // Private mode or quota: the board still works, it just cannot survive a reload offline.
  }
}
