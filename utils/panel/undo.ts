import type { Call, CallChanges } from '../close/schemas';
import { hasFormatting } from '../note-html';

/**
 * The change that puts back what a save replaced. A rich note comes back as its original
 * `note_html`, so its formatting is intact; a plain one as `note`.
 */
export function undoChanges(before: Call, after: Call): Partial<CallChanges> {
  const noteChanged = (before.note ?? '') !== (after.note ?? '') || (before.note_html ?? '') !== (after.note_html ?? '');
  return {
    ...(noteChanged &&
      (before.note_html && hasFormatting(before) ? { note_html: before.note_html } : { note: before.note ?? '' })),
    ...((before.outcome_id ?? null) !== (after.outcome_id ?? null) && {
      outcome_id: (before.outcome_id ?? null) as CallChanges['outcome_id'],
    }),
  };
}
