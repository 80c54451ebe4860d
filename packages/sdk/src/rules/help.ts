/**
 * Help requests (住户求助, seed 003): answer at once; what the desk cannot settle is answered within
 * 5 minutes; a written consultation gets a written reply within 2 days.
 */
import type { HelpKind, HelpRequest } from '../schema/help.js';
import { COMPOUND_TIME_ZONE, addMinutes, toEpoch, type At } from './time.js';

/** Minutes within which a reply is owed (seed 003: 五分钟内给予回复). */
export const REPLY_WITHIN_MINUTES = 5;
/** Minutes within which a written consultation gets its written reply (seed 003: 两日内以书面形式回复). */
export const WRITTEN_REPLY_WITHIN_MINUTES = 2 * 24 * 60;

// The same list as EMERGENCY_KINDS in schema/help.ts, repeated so the rules never pull zod into a bundle.
const EMERGENCIES: readonly HelpKind[] = ['medical', 'security', 'disaster'];

/** Medical, security and disaster requests put the public emergency numbers first. */
export function isEmergency(kind: HelpKind): boolean {
  return EMERGENCIES.includes(kind);
}

/** When the reply to a request is owed: 5 minutes after receipt; 48 hours for a written consultation. */
export function replyDueAt(req: { kind: HelpKind; mode?: 'oral' | 'written'; receivedAt: string }, timeZone = COMPOUND_TIME_ZONE): string {
  const written = req.kind === 'consultation' && req.mode === 'written';
  return addMinutes(req.receivedAt, written ? WRITTEN_REPLY_WITHIN_MINUTES : REPLY_WITHIN_MINUTES, timeZone);
}

export type HelpPhase = 'awaiting-acknowledgement' | 'awaiting-reply' | 'replied' | 'referred' | 'closed';

export interface HelpClock {
  phase: HelpPhase;
  /** When the reply is owed (the request's `replyDueAt`). */
  dueAt: string;
  /** `dueAt` minus the moment the clock stopped (now, while it runs); negative once late. */
  remainingMs: number;
  /** The reply is late (still owed past `dueAt`, or given after it). */
  overdue: boolean;
}

const PHASES: Record<HelpRequest['status'], HelpPhase> = {
  received: 'awaiting-acknowledgement',
  acknowledged: 'awaiting-reply',
  'in-progress': 'awaiting-reply',
  replied: 'replied',
  referred: 'referred',
  resolved: 'closed',
};

/**
 * The reply clock of a request. It runs until the office answers: a reply (`repliedAt`), or, for a
 * referred or resolved request, the first reply, referral or resolution in its history. An answer
 * stops the clock for good, even if the request is reopened afterwards.
 */
export function helpClock(req: Pick<HelpRequest, 'status' | 'replyDueAt' | 'repliedAt' | 'history'>, now: At): HelpClock {
  const phase = PHASES[req.status];
  const answered =
    req.repliedAt ?? req.history.find((h) => h.status === 'replied' || h.status === 'referred' || h.status === 'resolved')?.at;
  const stoppedAt = answered !== undefined ? toEpoch(answered) : toEpoch(now);
  const remainingMs = toEpoch(req.replyDueAt) - stoppedAt;
  return { phase, dueAt: req.replyDueAt, remainingMs, overdue: remainingMs < 0 };
}

/**
 * A `tel:` link for a phone number: the digits once hyphens and spaces are removed; null if any other
 * character remains (a `+`, letters, a scheme) or no digit is left. Never anything but `tel:` + digits.
 */
export function telHref(number: string): string | null {
  const digits = number.replace(/[\s-]/g, '');
  return /^[0-9]+$/.test(digits) ? `tel:${digits}` : null;
}
