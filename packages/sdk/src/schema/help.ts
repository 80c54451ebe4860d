import * as z from 'zod/mini';
import { FreeText, HistoryEntry, Id, Instant, LocalizedText, MobilePhone, ServicePhone } from './common.js';
import { int, object, trim } from './formats.js';

/** The seven kinds of help request (seed 003). */
export const HELP_KINDS = ['medical', 'security', 'disaster', 'repair', 'complaint', 'consultation', 'other'] as const;
export const HelpKind = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKind>;

/** Kinds that put the public emergency numbers first. */
export const EMERGENCY_KINDS = ['medical', 'security', 'disaster'] as const satisfies readonly HelpKind[];

export const SECURITY_SUBKINDS = ['theft', 'fight', 'robbery', 'poisoning', 'traffic-accident'] as const;
export const DISASTER_SUBKINDS = ['flood', 'fire', 'other'] as const;
/** For a medical emergency: take to hospital (two guards, a car), call 120 and meet at the gate, or stay a while. */
export const MEDICAL_WANTS = ['hospital', 'ambulance', 'stay'] as const;

export const HelpLocation = object({
  building: z.string().check(trim, z.minLength(1), z.maxLength(20)),
  room: z.optional(z.string().check(trim, z.maxLength(20))),
  floor: z.optional(z.string().check(trim, z.maxLength(10))),
  /** Anything that helps find the place: "地下车库B区". */
  detail: z.optional(z.string().check(z.maxLength(200))),
});
export type HelpLocation = z.infer<typeof HelpLocation>;

const base = {
  location: HelpLocation,
  phone: MobilePhone,
  name: z.optional(z.string().check(trim, z.maxLength(40))),
  description: FreeText,
  /**
   * When the resident asked, which may be earlier than when it arrived (offline outbox); never later:
   * a time after receipt (a device clock ahead) is recorded as the time received.
   */
  askedAt: z.optional(Instant),
};

export const HelpRequestInput = z.union([
  object({ kind: z.literal('medical'), ...base, wanted: z.enum(MEDICAL_WANTS) }),
  object({ kind: z.literal('security'), ...base, subKind: z.enum(SECURITY_SUBKINDS) }),
  object({ kind: z.literal('disaster'), ...base, subKind: z.enum(DISASTER_SUBKINDS) }),
  object({ kind: z.literal('repair'), ...base }),
  object({ kind: z.literal('complaint'), ...base }),
  object({ kind: z.literal('consultation'), ...base, mode: z.enum(['oral', 'written']) }),
  object({ kind: z.literal('other'), ...base }),
]);
export type HelpRequestInput = z.infer<typeof HelpRequestInput>;

export const HELP_STATUSES = ['received', 'acknowledged', 'in-progress', 'replied', 'referred', 'resolved'] as const;
export const HelpStatus = z.enum(HELP_STATUSES);
export type HelpStatus = z.infer<typeof HelpStatus>;

/** Never pass the buck: what the office cannot do, it helps the resident reach whoever can. */
export const Referral = object({
  to: LocalizedText,
  phone: z.optional(ServicePhone),
  note: z.optional(LocalizedText),
});
export type Referral = z.infer<typeof Referral>;

export const HelpRequest = object({
  id: Id,
  number: z.string(),
  kind: HelpKind,
  subKind: z.optional(z.string()),
  wanted: z.optional(z.enum(MEDICAL_WANTS)),
  mode: z.optional(z.enum(['oral', 'written'])),
  householdId: z.optional(Id),
  location: HelpLocation,
  phone: MobilePhone,
  name: z.optional(z.string()),
  description: FreeText,
  status: HelpStatus,
  askedAt: z.optional(Instant),
  receivedAt: Instant,
  /** Answer at once: acknowledged by the desk. */
  acknowledgedAt: z.optional(Instant),
  /** When a reply is owed: 5 minutes after receipt, 2 days for a written consultation. */
  replyDueAt: Instant,
  repliedAt: z.optional(Instant),
  reply: z.optional(z.string().check(z.maxLength(2000))),
  referral: z.optional(Referral),
  history: z.array(HistoryEntry(HelpStatus)),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

export const HelpReplyInput = object({ reply: z.string().check(trim, z.minLength(1), z.maxLength(2000)) });
export type HelpReplyInput = z.infer<typeof HelpReplyInput>;

export const HelpListQuery = object({
  status: z.optional(z.enum(['open', 'closed', 'all'])),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(int(1, 200)),
});
export type HelpListQuery = z.infer<typeof HelpListQuery>;

export const PUBLIC_NUMBERS = [
  { number: '120', kind: 'ambulance' },
  { number: '110', kind: 'police' },
  { number: '119', kind: 'fire' },
  { number: '122', kind: 'traffic' },
] as const;

