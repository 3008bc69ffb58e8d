import type { CloseError } from './close/errors';
import type { Call } from './close/schemas';

// Calls to log (issue 17): which of the rep's calls still need an outcome, as one pure rule the
// background, the panel and the tests share.

/** Which of the rep's calls count: made in this period (a setting, utils/settings.ts). */
export const CALLS_TO_LOG_PERIODS = ['today', 'last7', 'last30'] as const;
export type CallsToLogPeriod = (typeof CALLS_TO_LOG_PERIODS)[number];
export const DEFAULT_CALLS_TO_LOG_PERIOD: CallsToLogPeriod = 'last7';

/** A call of the queue with what the Call control names it by. */
export interface CallToLog {
  call: Call;
  /** The lead's display name; absent when Close did not give it. */
  leadName?: string;
  /** The contact's name; absent when the call has none or Close did not name it (the phone is shown). */
  contactName?: string;
}

/** The queue as the background knows it. Only `ready` has a count: anything else shows no badge. */
export type CallsToLogState =
  | { state: 'disconnected' }
  | { state: 'loading' }
  | { state: 'ready'; calls: CallToLog[]; at: number }
  | { state: 'too-many'; limit: number }
  | { state: 'failed'; error: CloseError };

export interface ToLogRule {
  /** A call with an outcome but an empty note counts too. */
  noNote: boolean;
}

/** Statuses of a call that has not ended yet: not to log before it has (FACTS.md). */
const NOT_ENDED = new Set(['created', 'in-progress']);

const hasNote = (call: Call) => Boolean(call.note?.trim());

/** Whether a call of the rep's is to log: ended, and without an outcome (or, by the setting, without a note). */
export function isToLog(call: Call, rule: ToLogRule): boolean {
  if (call.status && NOT_ENDED.has(call.status)) return false;
  if (!call.outcome_id) return true;
  return rule.noNote && !hasNote(call);
}

const DAY_MS = 86_400_000;

/**
 * The first moment of the period, in the browser's time zone: "today" starts at local midnight,
 * "last 7 days" at the midnight six days before (today counts as one of the seven).
 */
export function periodStart(period: CallsToLogPeriod, now: number): Date {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const days = period === 'today' ? 0 : period === 'last7' ? 6 : 29;
  const start = new Date(midnight.getTime() - days * DAY_MS);
  // A day is not always 24 hours (summer time): set the wall-clock midnight again.
  start.setHours(0, 0, 0, 0);
  return start;
}

/** The queue's order: oldest first, so the rep logs calls in the order they made them. */
export const oldestFirst = (a: CallToLog, b: CallToLog) =>
  Date.parse(a.call.activity_at ?? a.call.date_created) - Date.parse(b.call.activity_at ?? b.call.date_created);

/** The toolbar badge: the count when there are calls to log, nothing otherwise (0, unknown, failed). */
export function badgeText(state: CallsToLogState): string {
  if (state.state !== 'ready' || state.calls.length === 0) return '';
  return state.calls.length > 999 ? '999+' : String(state.calls.length);
}

export const countOf = (state: CallsToLogState): number | undefined =>
  state.state === 'ready' ? state.calls.length : undefined;
