import { browser } from 'wxt/browser';
import type { CallId } from './close/ids';
import { localItem } from './local-item';
import type { StoredNote } from './note-content';

// The drafts as stored. The background removes a confirmed save's draft and prunes old ones
// without reading a note, so the note editor (ProseMirror) is never bundled into the background;
// utils/drafts.ts reads and writes the notes for the panel.

/** As stored: the note as a StoredNote (a bare string in drafts of older versions, `jobId` too). */
export interface StoredDraft {
  note?: StoredNote | string;
  outcome_id?: string | null;
  savedAt: number;
  saveId?: string;
  jobId?: string;
}

/** Drafts untouched this long are pruned when the worker starts. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const PREFIX = 'draft:';

export const draftItem = (callId: CallId) => localItem<StoredDraft | null>(`${PREFIX}${callId}`, null);

export const isStoredDraft = (value: unknown): value is StoredDraft => {
  if (!value || typeof value !== 'object') return false;
  const d = value as StoredDraft;
  return (
    typeof d.savedAt === 'number' &&
    (d.outcome_id === undefined || d.outcome_id === null || typeof d.outcome_id === 'string') &&
    (d.saveId === undefined || typeof d.saveId === 'string') &&
    (d.jobId === undefined || typeof d.jobId === 'string')
  );
};

// This context's draft writes and removals go one at a time, so that "remove if it is still the
// draft of save X" cannot remove a newer draft written between its read and its removal.
let chain: Promise<unknown> = Promise.resolve();
export const serial = <T>(task: () => Promise<T>): Promise<T> => {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
};

export const draftStore = {
  remove: (callId: CallId) => serial(() => draftItem(callId).removeValue()),

  /** After Close confirmed save `saveId`: the draft goes only if it is still that save's (compare-and-delete). */
  removeIfSavedBy: (callId: CallId, saveId: string) =>
    serial(async () => {
      const draft = await draftItem(callId).getValue();
      if (isStoredDraft(draft) && (draft.saveId ?? draft.jobId) === saveId) await draftItem(callId).removeValue();
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
