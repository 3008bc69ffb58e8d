import type { WaitReason } from '../messages';
import type { CloseError } from './errors';
import { canRetry, retryDelayMs } from './retry';

// What a save does after a failed attempt (issue 14). A 429 is waited out exactly as Close asks,
// again and again: Close's windows are seconds long, and giving up after a few quick tries made
// the rep press Save again into the same limit. It is bounded by the save's own deadline: a save
// that Close keeps refusing for RATE_LIMIT_DEADLINE_MS since its first 429 in a row (or that Close
// asks to wait past that) is told to the rep instead, with its text kept. 5xx and dropped
// connections are tried a few times, then held in the outbox and tried again later.

/** How long a save keeps waiting out 429s in a row before the rep is told. */
export const RATE_LIMIT_DEADLINE_MS = 10 * 60_000;

export type NextTry =
  /** Try again after `wait` ms (the wait is told to the panel). */
  | { wait: number; reason: WaitReason }
  /** Held in the outbox, tried again later (an alarm). */
  | { hold: WaitReason }
  /** Not done: the rep is told. */
  | { fail: true };

/**
 * @param tries attempts so far in this session of trying
 * @param limitedSince when the first of the 429s in a row came (now, for a first one)
 */
export function nextTry(error: CloseError, tries: number, limitedSince: number, now: number, random?: () => number): NextTry {
  if (error.kind === 'rate-limited') {
    const wait = retryDelayMs('rate-limited', tries, error.retryAfterSeconds, random);
    return now + wait <= limitedSince + RATE_LIMIT_DEADLINE_MS ? { wait, reason: 'rate-limited' } : { fail: true };
  }
  const reason: WaitReason = error.kind === 'server' ? 'server' : 'offline';
  if (canRetry(error.kind, error.status, tries)) return { wait: retryDelayMs(error.kind, tries, undefined, random), reason };
  // 500 is an answer, not an accident; a Close that keeps answering 502-504 is Close's trouble,
  // not the rep's connection (issue 15): offline only when the network failed.
  return error.kind === 'server' && error.status === 500 ? { fail: true } : { hold: reason };
}
