import * as z from 'zod/mini';
import { Audience, Fen, HistoryEntry, Id, Instant, LocalTime, LocalizedText, ServicePhone } from './common.js';
import { int, object, tagged } from './formats.js';

/** A node of the two-level category tree: top categories have `parentId: null`. */
export const Category = object({
  id: Id,
  parentId: z.nullable(Id),
  name: LocalizedText,
  order: int(),
});
export type Category = z.infer<typeof Category>;

/** Units a price can be counted in. */
export const PRICE_UNITS = ['time', 'hour', 'person', 'person-hour', 'item', 'm2', 'kg', 'day', 'month', 'set', 'page', 'machine'] as const;
export const PriceUnit = z.enum(PRICE_UNITS);
export type PriceUnit = z.infer<typeof PriceUnit>;

/** Days of the week, ISO: 1 = Monday … 7 = Sunday. */
export const Weekday = int(1, 7);

/**
 * A peak / off-peak band (seed 003: the price lever that balances demand). When a booking's start,
 * in the compound's time zone, falls on one of `days` between `from` (inclusive) and `to`
 * (exclusive), the band's amount replaces the rule's base amount. A band whose `to` is not after its
 * `from` runs past midnight and belongs to the day it starts: `days: [6]`, 22:00–06:00 is Saturday
 * night, Sunday 01:00 included.
 */
export const PriceBand = object({
  name: z.enum(['peak', 'off-peak']),
  days: z.array(Weekday).check(z.minLength(1)),
  from: LocalTime,
  to: LocalTime,
  amount: Fen,
});
export type PriceBand = z.infer<typeof PriceBand>;

export const FreePrice = object({ kind: z.literal('free') });
/** A fixed price per time (gym 20 yuan/time). */
export const FixedPrice = object({
  kind: z.literal('fixed'),
  amount: Fen,
  bands: z.optional(z.array(PriceBand)),
});
/** A price per unit (chess room 3 yuan per person-hour; course 200 yuan per person). */
export const PerUnitPrice = object({
  kind: z.literal('per-unit'),
  unit: PriceUnit,
  amount: Fen,
  minQuantity: z.optional(int(1)),
  bands: z.optional(z.array(PriceBand)),
});
/** Quoted on inspection, at market price, or by negotiation (按市场价 / 面议), maybe with a "from" price. */
export const QuotePrice = object({
  kind: z.literal('quote'),
  basis: z.enum(['inspection', 'market', 'negotiable']),
  from: z.optional(Fen),
});
/** Labour at a fixed rate (per time or per hour) plus materials at cost. */
export const LabourMaterialsPrice = object({
  kind: z.literal('labour-materials'),
  labour: Fen,
  labourUnit: z.enum(['time', 'hour']),
});
export const PriceRule = tagged([FreePrice, FixedPrice, PerUnitPrice, QuotePrice, LabourMaterialsPrice]);
export type PriceRule = z.infer<typeof PriceRule>;
export type PriceKind = PriceRule['kind'];

/** How a resident can get a service. */
export const BOOKING_MODES = ['online', 'phone', 'desk', 'agreement'] as const;
export const BookingMode = z.enum(BOOKING_MODES);
export type BookingMode = z.infer<typeof BookingMode>;

/** Opening hours of a service on some weekdays, in the compound's time zone. */
export const OpeningHours = object({
  days: z.array(Weekday).check(z.minLength(1)),
  open: LocalTime,
  close: LocalTime,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

/** How a bookable service is divided into slots. */
export const SlotPolicy = object({
  /** Length of one slot. */
  durationMinutes: int(5, 24 * 60),
  /** Bookings one slot takes before it is full. */
  capacity: int(1),
  /** Time kept free after each booking (cleaning, travel). */
  bufferMinutes: int(0),
  /** A slot must start at least this long after the booking is made. */
  leadMinutes: int(0),
  /** A booking can be cancelled until this long before its start. */
  cancelBeforeMinutes: int(0),
  /** Bookings one household may hold per day for this service. */
  quotaPerHouseholdPerDay: z.optional(int(1)),
  /** How far ahead slots are offered. */
  horizonDays: int(1, 366),
});
export type SlotPolicy = z.infer<typeof SlotPolicy>;

export const AMENITIES = ['tea', 'sound', 'projector'] as const;
export const Amenity = z.enum(AMENITIES);
export type Amenity = z.infer<typeof Amenity>;

/** A room booked by time slot with a number of people (seed 003: meeting and clubhouse rooms). */
export const RoomPolicy = object({
  size: z.enum(['small', 'large']),
  maxPeople: int(1),
  amenities: z.array(Amenity),
  /** Staff open the room this long before the start (large 20, small 30). */
  openEarlyMinutes: int(0),
  /** Staff confirm with the booker this long before the start (large 20, small 10). */
  confirmBeforeMinutes: int(0),
});
export type RoomPolicy = z.infer<typeof RoomPolicy>;

export const ServiceItem = object({
  id: Id,
  categoryId: Id,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  /** Search words in any language (拼音, synonyms). */
  keywords: z.array(z.string().check(z.maxLength(40))),
  audiences: z.array(Audience).check(z.minLength(1)),
  bookingModes: z.array(BookingMode).check(z.minLength(1)),
  price: PriceRule,
  /** Shown beside the price: "材料费另计", "每月一次". */
  priceNote: z.optional(LocalizedText),
  hours: z.optional(z.array(OpeningHours)),
  slots: z.optional(SlotPolicy),
  room: z.optional(RoomPolicy),
  phone: z.optional(ServicePhone),
  order: int(),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const PRICE_LIST_STATUSES = ['draft', 'submitted', 'approved', 'published', 'superseded'] as const;
export const PriceListStatus = z.enum(PRICE_LIST_STATUSES);
export type PriceListStatus = z.infer<typeof PriceListStatus>;

/**
 * A yearly, versioned service list with prices (便民服务项目及价格表). The manager drafts it, the
 * general manager approves it, then it is published with an effective time (seed 001).
 */
export const PriceList = object({
  id: Id,
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  year: int(2000, 2100),
  status: PriceListStatus,
  effectiveFrom: Instant,
  approvedBy: z.optional(z.string().check(z.maxLength(80))),
  approvedAt: z.optional(Instant),
  publishedAt: z.optional(Instant),
  categories: z.array(Category),
  items: z.array(ServiceItem),
  /** Public notes shown with the list ("garage: under 1 hour free"). */
  notes: z.array(LocalizedText),
  history: z.array(HistoryEntry(PriceListStatus)),
});
export type PriceList = z.infer<typeof PriceList>;

/** A price list without its items, for listings. */
export const PriceListSummary = object({
  id: Id,
  version: z.string(),
  year: int(),
  status: PriceListStatus,
  effectiveFrom: Instant,
  approvedBy: z.optional(z.string()),
  itemCount: int(0),
});
export type PriceListSummary = z.infer<typeof PriceListSummary>;

export const PriceListTransitionInput = object({
  to: PriceListStatus,
  by: z.string().check(z.minLength(1), z.maxLength(80)),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type PriceListTransitionInput = z.infer<typeof PriceListTransitionInput>;

/** The compound's settings every widget needs. */
export const Compound = object({
  id: Id,
  name: LocalizedText,
  /** The 24-hour service phone (24小时服务电话). */
  servicePhone: ServicePhone,
  timeZone: z.literal('Asia/Shanghai'),
  buildings: z.array(object({ id: Id, name: LocalizedText })),
});
export type Compound = z.infer<typeof Compound>;

