import { isCallLive } from '../call-live';
import type { CallChanges } from '../close/schemas';

// A save of a call's note waits while Close still reads the call as going on (issue 14): during a
// call Close's dialer autosaves the note, and a later autosave would overwrite the rep's. The
// saver asks Close again (GET call) with backoff, for at most CALL_END_MAX_MS; then it asks the
// rep: Save anyway, or Keep waiting. An outcome-only save never waits: the dialer does not write
// outcomes while the call goes on. Pure: the saver does the waiting.

/** How long a note save waits for its call to end before it asks the rep. */
export const CALL_END_MAX_MS = 120_000;
/** The first wait, doubled after each look, up to CALL_END_STEP_MAX_MS. */
export const CALL_END_FIRST_MS = 2_000;
export const CALL_END_STEP_MAX_MS = 30_000;

const touchesNote = (changes: Partial<CallChanges>) => changes.note !== undefined || changes.note_html !== undefined;

/** Whether this save must wait: it changes the note, Close reads the call as live, the rep did not say Save anyway. */
export const mustWaitForCallEnd = (status: string | null | undefined, changes: Partial<CallChanges>, anyway = false): boolean =>
  !anyway && touchesNote(changes) && isCallLive(status);

export type CallEndStep = { wait: number } | { ask: true };

/**
 * After the `looks`-th look (0 for the first) found the call still live, with the wait begun at
 * `since`: wait this long before the next look, or ask the rep once the time is up.
 */
export function nextCallEndLook(since: number, now: number, looks: number): CallEndStep {
  const left = since + CALL_END_MAX_MS - now;
  if (left <= 0) return { ask: true };
  const step = Math.min(CALL_END_FIRST_MS * 2 ** Math.max(0, looks), CALL_END_STEP_MAX_MS);
  // The last look comes right at the end of the time, not after it.
  return { wait: Math.min(step, left) };
}
