import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CallId } from './close/ids';

// What the rep typed, per call, kept as they type so that a failed save, a reload or a
// closed tab never loses it. Removed only after Close confirmed the save.

export interface Draft {
  note?: string;
  outcome_id?: string | null;
  savedAt: number;
  /** The save this draft was handed to; cleared as soon as the rep types again. */
  jobId?: string;
}

/** Drafts untouched this long are pruned when the worker starts. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const PREFIX = 'draft:';

const draftItem = (callId: CallId) => storage.defineItem<Draft | null>(`local:${PREFIX}${callId}`, { fallback: null });

const isDraft = (value: unknown): value is Draft =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Draft).savedAt === 'number' &&
  ((value as Draft).note === undefined || typeof (value as Draft).note === 'string') &&
  ((value as Draft).outcome_id === undefined ||
    (value as Draft).outcome_id === null ||
    typeof (value as Draft).outcome_id === 'string') &&
  ((value as Draft).jobId === undefined || typeof (value as Draft).jobId === 'string');

export const drafts = {
  async get(callId: CallId): Promise<Draft | undefined> {
    const value = await draftItem(callId).getValue();
    return isDraft(value) ? value : undefined;
  },
  set: (callId: CallId, draft: Omit<Draft, 'savedAt'>) => draftItem(callId).setValue({ ...draft, savedAt: Date.now() }),
  remove: (callId: CallId) => draftItem(callId).removeValue(),

  /** After Close confirmed save `jobId`: the draft goes, unless the rep typed more since. */
  async removeIfSavedBy(callId: CallId, jobId: string) {
    const draft = await drafts.get(callId);
    if (draft?.jobId === jobId) await drafts.remove(callId);
  },

  /** Drops drafts nobody touched for `maxAgeMs`; returns how many. */
  async prune(now = Date.now(), maxAgeMs = DRAFT_MAX_AGE_MS): Promise<number> {
    const all = await browser.storage.local.get(null);
    const old = Object.entries(all)
      .filter(([key, value]) => key.startsWith(PREFIX) && (!isDraft(value) || now - value.savedAt > maxAgeMs))
      .map(([key]) => key);
    if (old.length) await browser.storage.local.remove(old);
    return old.length;
  },
};
