import { storage } from 'wxt/utils/storage';
import type { CallId } from './close/ids';

// What the rep typed, per call, kept as they type so that a failed save, a reload or a
// closed tab never loses it. Removed only after Close confirmed the save.

export interface Draft {
  note?: string;
  outcome_id?: string | null;
  savedAt: number;
}

const draftItem = (callId: CallId) => storage.defineItem<Draft | null>(`local:draft:${callId}`, { fallback: null });

const isDraft = (value: unknown): value is Draft =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Draft).savedAt === 'number' &&
  ((value as Draft).note === undefined || typeof (value as Draft).note === 'string') &&
  ((value as Draft).outcome_id === undefined ||
    (value as Draft).outcome_id === null ||
    typeof (value as Draft).outcome_id === 'string');

export const drafts = {
  async get(callId: CallId): Promise<Draft | undefined> {
    const value = await draftItem(callId).getValue();
    return isDraft(value) ? value : undefined;
  },
  set: (callId: CallId, draft: Omit<Draft, 'savedAt'>) => draftItem(callId).setValue({ ...draft, savedAt: Date.now() }),
  remove: (callId: CallId) => draftItem(callId).removeValue(),
};
