import type { Call } from '../close/schemas';

// Moving between the lead's calls from the keyboard. The list is in the Call picker's order
// (most recent first), so "next" is the next older call.

/** The call before (-1) or after (+1) `id` in the list, or undefined at either end. */
export function adjacentCall(calls: readonly Call[], id: string, step: -1 | 1): Call | undefined {
  const index = calls.findIndex((call) => call.id === id);
  return index === -1 ? undefined : calls[index + step];
}

/**
 * Save & next: the first call after `id` (wrapping round to the top) that has no outcome yet,
 * never `id` itself; undefined when every other call has one.
 */
export function nextCallWithoutOutcome(calls: readonly Call[], id: string): Call | undefined {
  const index = calls.findIndex((call) => call.id === id);
  for (let i = 1; i < calls.length; i++) {
    const call = calls[(index + i) % calls.length]!;
    if (call.id !== id && !call.outcome_id) return call;
  }
  return undefined;
}
