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
 * - Every text passes `scrubText`, which removes phone numbers (any run of 7 or more digits, ASCII or
 *   full-width, with spaces or hyphens; mobile numbers also with dots or +86) except the compound's
 *   own service phone however it is spelt; a name behind a label ("联系人：王芳", "业主：张三",
 *   "Contact: Wang Fang"), label and all; and rooms ("房号：5-302", "Room 5-302", "3栋2单元1201").
 *   Price text behind a label stays ("业主：20元/次", "Owner: free"), and so do dates, hours, areas
 *   and a building as the place of a facility ("1号楼会所"). A name with no label cannot be told from
 *   a service's name and is not looked for.
 */
import type { FeeBoard, FeeBoardList, FeeBoardRow, FeeBoardSection, LocalizedText, PriceBand, PriceRule, PriceUnit } from '@bianmin/sdk';

/**
 * Personal data that a label or its shape gives away. A name behind "联系人：", "业主：", "Contact:"…
 * goes with its label (and a second one after 、): 2–4 caseless letters (Han; more when joined by ·)
 * with none of the characters of price text among the first four (免费, 半价, 八折, 同价, 每月, 凭卡,
 * 面议…), or capitalised Latin words but Free and Half; never with a letter straight after, nor a
 * lowercase word. So "业主：20元/次", "租户：半价", "Owner: free" and "Owners: Free" stay. Then a room
 * behind "房号：" or "Room" (5-302, 5-2-302, 1201; not 8:00 or 10-20), and a building or unit with a
 * room ("3栋2单元1201", "2栋0601", "5号楼302室"; not "1号楼会所", "2栋1200平方米").
 */
const PERSONAL =
  /(?:联系(?:人|方式)|[业户]主|[住租]户|姓名|(?:经办|负责)人|[Cc]ontact(?: person)?|[Rr]esident|[Oo]wner|[Tt]enant)s?\s*[:：]\s*(?:(?!\p{Lo}{0,3}[免费元价折次时卡同按每不优半议押])\p{Lo}{2,4}(?:·\p{Lo}+)*(?!\p{L})|(?!Free|Half)\p{Lu}[\p{Ll}.]*(?: \p{Lu}[\p{Ll}.]*)*(?!\p{L}|\s*\p{Ll}))(?:、\p{Lo}{2,4}(?!\p{L}))*|(?:(?:房间?号|\b[Rr]oom)\s*[:：]?\s*(?:\d{1,3}-){0,2}|\d{1,3}(?:号楼|栋|幢|座)(?:\d\d?单元)?|\d\d?单元)\d{3,4}室?(?![:.-]?\d|[年元平])/gu;
/**
 * Seven or more digits in a row, ASCII or full-width, spaces and hyphens allowed between them (a
 * phone number), or a mainland mobile number written with dots (138.1234.5678), with or without +86.
 */
const PHONE = /\+?[\d０-９](?:[\s－-]?[\d０-９]){6,}|(?:\+?86\s?)?1[3-9](?:[\s.-]?\d){9}/gu;
/** A date written with separators, perhaps with its hour, is not a phone number: `2026-01-01 08`. */
const DATE_LIKE = /^\d{4}([-/.])\d\d?\1\d\d?(?:\s\d\d?)?$/;

/** The digits that name a number however it is written: full-width (U+FF10 % 16 is 0), +86 and a trunk 0 aside. */
const numberOf = (s: string): string =>
  s
    .replace(/[０-９]/g, (c) => String(c.charCodeAt(0) % 16))
    .replace(/\D/g, '')
    .replace(/^86(?=\d{10})|^0/, '');

/** `text` without names, rooms or phone numbers other than `servicePhone` (however it is spelt). */
export function scrubText(text: string, servicePhone = ''): string {
  return text
    .replace(PERSONAL, '')
    .replace(PHONE, (m) => (DATE_LIKE.test(m) || numberOf(m) === numberOf(servicePhone) ? m : ''))
    .replace(/[（(][\s,，;；:：、]*[)）]/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,，;；:：、]+|[\s,，;；:：、]+$/g, '');
}

// ---- the FeeBoard schema, checked field by field (packages/sdk/src/schema/fee-board.ts, catalog.ts, common.ts)

/** Thrown inside the guard (a token: nothing needs its stack); never escapes it. */
const REFUSED = {};
const refuse = (): never => {
  throw REFUSED;
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : refuse());
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : refuse());
const str = (v: unknown, max = Infinity, min = 0): string =>
  typeof v === 'string' && v.length >= min && v.length <= max ? v : refuse();
const match = (v: unknown, re: RegExp): string => (re.test(str(v)) ? (v as string) : refuse());
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T => (values.includes(v as T) ? (v as T) : refuse());
const int = (v: unknown, min: number, max: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : refuse();

/** An id, as the schema's `Id` accepts it (also what `sections` may name). */
export const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** ISO 8601 with seconds and an offset (or Z), as `z.iso.datetime({ offset: true })` accepts. */
const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const SERVICE_PHONE = /^\+?\d[\d-]{1,19}$/;
const MAX_FEN = 1_000_000_000;

const UNITS = ['time', 'hour', 'person', 'person-hour', 'item', 'm2', 'kg', 'day', 'month', 'set', 'page', 'machine'] as const satisfies readonly PriceUnit[];
// Compile-time check that no unit of the schema is missing here.
true satisfies [Exclude<PriceUnit, (typeof UNITS)[number]>] extends [never] ? true : false;

/** Parsing rolls 2026-02-31 over to 3 March; a day its month does not have is refused, as the schema does. */
const instant = (v: unknown): string =>
  new Date(match(v, INSTANT).slice(0, 10)).getUTCDate() === +(v as string).slice(8, 10) ? (v as string) : refuse();
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
        ...(o.minQuantity === undefined ? {} : { minQuantity: int(o.minQuantity, 1, 2 ** 53 - 1) }),
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
    if (e === REFUSED) return undefined;
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
    // Number.isFinite is false for anything but a finite number (no coercion, unlike isFinite).
    if (data.v !== CACHE_VERSION || !Number.isFinite(data.savedAt)) return undefined;
    const board = guardBoard(data.board);
    return board ? { savedAt: data.savedAt as number, board } : undefined;
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
