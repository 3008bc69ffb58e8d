import type { Call } from '../close/schemas';

// A lead's calls as the panel has them: the pages loaded so far, newest first, and whether Close
// has more (issue 14 point 1). Moving past the last loaded call, or Save & next finding no call
// without an outcome after the shown one, needs the next page before it can decide: these say
// so instead of wrapping round or saying "all done" too early.

/** A call to go to; or `more`: the next page must be loaded first; or `none`. */
export type Found = { kind: 'call'; call: Call } | { kind: 'more' } | { kind: 'none' };

/** A further page added after the ones loaded; a call already in the list (the URL's call put first) is not repeated. */
export function addPage(calls: readonly Call[], page: readonly Call[]): Call[] {
  const have = new Set(calls.map((call) => call.id));
  return [...calls, ...page.filter((call) => !have.has(call.id) && (have.add(call.id), true))];
}

/** The call before (-1) or after (+1) `id`; past the last loaded one, `more` while Close has more. */
export function stepCall(calls: readonly Call[], id: string, step: -1 | 1, hasMore: boolean): Found {
  const index = calls.findIndex((call) => call.id === id);
  if (index === -1) return { kind: 'none' };
  const call = calls[index + step];
  if (call) return { kind: 'call', call };
  return step === 1 && hasMore ? { kind: 'more' } : { kind: 'none' };
}

/**
 * Save & next: the first call after `id` without an outcome. None in the loaded pages: `more`
 * while Close has more; only once every page is in does it wrap round to the top, and only then
 * is `none` the truth ("All calls on this lead have an outcome now").
 */
export function nextWithoutOutcome(calls: readonly Call[], id: string, hasMore: boolean): Found {
  const index = calls.findIndex((call) => call.id === id);
  const after = calls.slice(index + 1).find((call) => !call.outcome_id);
  if (after) return { kind: 'call', call: after };
  if (hasMore) return { kind: 'more' };
  const before = calls.slice(0, Math.max(0, index)).find((call) => call.id !== id && !call.outcome_id);
  return before ? { kind: 'call', call: before } : { kind: 'none' };
}
