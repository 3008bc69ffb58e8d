import type { CallId } from './close/ids';
import { draftItem, draftStore, isStoredDraft, serial } from './draft-store';
import { noteFromLegacyDraft, readStoredNote, storeNote, type NoteContent } from './note-content';

export { DRAFT_MAX_AGE_MS } from './draft-store';

// What the rep typed, per call, kept as they type so that a failed save, a reload or a
// closed tab never loses it. Removed only after Close confirmed the save it was handed to.

export interface Draft {
  /** Absent: the note was not changed. */
  note?: NoteContent;
  outcome_id?: string | null;
  savedAt: number;
  /** The save this draft was handed to; absent as soon as the rep typed again. */
  saveId?: string;
}

function readDraft(value: unknown): Draft | undefined {
  if (!isStoredDraft(value)) return undefined;
  const note =
    value.note === undefined ? undefined : typeof value.note === 'string' ? noteFromLegacyDraft(value.note) : readStoredNote(value.note);
  // A note this version cannot read is not guessed at: the draft is not offered (and stays stored).
  if (value.note !== undefined && !note) return undefined;
  const saveId = value.saveId ?? value.jobId;
  return {
    ...(note && { note }),
    ...(value.outcome_id !== undefined && { outcome_id: value.outcome_id }),
    savedAt: value.savedAt,
    ...(saveId && { saveId }),
  };
}

export const drafts = {
  get: (callId: CallId): Promise<Draft | undefined> => serial(async () => readDraft(await draftItem(callId).getValue())),

  /** Stores the draft; rejects when storage refuses (full, or the extension went away). */
  set: (callId: CallId, draft: Omit<Draft, 'savedAt'>) =>
    serial(() =>
      draftItem(callId).setValue({
        ...(draft.note && { note: storeNote(draft.note) }),
        ...(draft.outcome_id !== undefined && { outcome_id: draft.outcome_id }),
        ...(draft.saveId && { saveId: draft.saveId }),
        savedAt: Date.now(),
      }),
    ),

  remove: draftStore.remove,
  removeIfSavedBy: draftStore.removeIfSavedBy,
  prune: draftStore.prune,
};
