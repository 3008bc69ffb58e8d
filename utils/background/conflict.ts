import type { CallBase, CallChanges } from '../close/schemas';
import type { CallField } from '../close/who-changed';

// Close has no ETag (FACTS.md): `date_updated` is the only sign that someone else changed a
// call meanwhile. We compare it, and the fields we are about to write, just before the PUT.

export const CONFLICT_FIELDS = 'id,date_updated,note,note_html,outcome_id';

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '') === (b ?? '');
const sameHtml = (a: string | null | undefined, b: string | null | undefined) =>
  same(a?.replace(/\s+/g, ' ').trim(), b?.replace(/\s+/g, ' ').trim());

/** The call already holds what this change writes (e.g. a PUT whose answer was lost). */
export function alreadyApplied(current: CallBase, changes: CallChanges): boolean {
  if ('outcome_id' in changes && !same(current.outcome_id, changes.outcome_id)) return false;
  if (changes.note !== undefined && !same(current.note, changes.note)) return false;
  if (changes.note_html !== undefined && !sameHtml(current.note_html, changes.note_html)) return false;
  return true;
}

/**
 * The fields this change would write that someone else changed since `base` (the per-field rule):
 * a change to other fields (or a save of ours that already landed) is not a conflict.
 */
export function conflictFields(base: CallBase, current: CallBase, changes: CallChanges): CallField[] {
  if (current.date_updated === base.date_updated) return [];
  const touchesNote = changes.note !== undefined || changes.note_html !== undefined;
  const noteChanged = !same(current.note, base.note) || !sameHtml(current.note_html, base.note_html);
  const outcomeChanged = !same(current.outcome_id, base.outcome_id);
  return [
    ...(touchesNote && noteChanged ? (['note'] as const) : []),
    ...('outcome_id' in changes && outcomeChanged ? (['outcome'] as const) : []),
  ];
}

/** Someone else changed a field this change would overwrite. */
export const isConflict = (base: CallBase, current: CallBase, changes: CallChanges): boolean =>
  conflictFields(base, current, changes).length > 0;
