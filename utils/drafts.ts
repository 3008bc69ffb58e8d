import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CallId } from './close/ids';
import { noteFromLegacyDraft, readStoredNote, storeNote, type NoteContent, type StoredNote } from './note-content';

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

/** As stored: the note as a StoredNote (a bare string in drafts of older versions, `jobId` too). */
interface StoredDraft {
  note?: StoredNote | string;
  outcome_id?: string | null;
  savedAt: number;
  saveId?: string;
  jobId?: string;
}

/** Drafts untouched this long are pruned when the worker starts. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const PREFIX = 'draft:';

const draftItem = (callId: CallId) => storage.defineItem<StoredDraft | null>(`local:${PREFIX}${callId}`, { fallback: null });

const isStoredDraft = (value: unknown): value is StoredDraft => {
  if (!value || typeof value !== 'object') return false;
  const d = value as StoredDraft;
  return (
    typeof d.savedAt === 'number' &&
    (d.outcome_id === undefined || d.outcome_id === null || typeof d.outcome_id === 'string') &&
    (d.saveId === undefined || typeof d.saveId === 'string') &&
    (d.jobId === undefined || typeof d.jobId === 'string')
  );
};

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

// This context's draft writes and removals go one at a time, so that "remove if it is still the
// draft of save X" cannot remove a newer draft written between its read and its removal.
let chain: Promise<unknown> = Promise.resolve();
const serial = <T>(task: () => Promise<T>): Promise<T> => {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
};

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

  remove: (callId: CallId) => serial(() => draftItem(callId).removeValue()),

  /** After Close confirmed save `saveId`: the draft goes only if it is still that save's (compare-and-delete). */
  removeIfSavedBy: (callId: CallId, saveId: string) =>
    serial(async () => {
      const draft = readDraft(await draftItem(callId).getValue());
      if (draft?.saveId === saveId) await draftItem(callId).removeValue();
    }),

  /** Drops drafts nobody touched for `maxAgeMs`; returns how many. */
  async prune(now = Date.now(), maxAgeMs = DRAFT_MAX_AGE_MS): Promise<number> {
    const all = await browser.storage.local.get(null);
    const old = Object.entries(all)
      .filter(([key, value]) => key.startsWith(PREFIX) && (!isStoredDraft(value) || now - value.savedAt > maxAgeMs))
      .map(([key]) => key);
    if (old.length) await browser.storage.local.remove(old);
    return old.length;
  },
};
