import type { OutcomeId } from './close/ids';
import type { Call, CallChanges } from './close/schemas';
import { noteChangeFor, type NoteContent } from './note-content';

/**
 * What the rep changed on a call, and nothing else: an untouched note is not sent, an
 * outcome-only change sends only `outcome_id`.
 */
export function callChanges(call: Call, note: NoteContent, outcomeId: string | null): Partial<CallChanges> {
  return {
    ...noteChangeFor(call, note),
    // The background checks the id's format before it reaches a URL or a body.
    ...(outcomeId !== (call.outcome_id ?? null) && { outcome_id: outcomeId as OutcomeId | null }),
  };
}

export const hasChanges = (changes: Partial<CallChanges>) => Object.keys(changes).length > 0;
