import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { drafts } from './drafts';
import { noteFromLegacyDraft, notePlainText, sameNote } from './note-content';
import { callId, outcomeId } from '../test/unit/helpers';

const note = (text: string) => noteFromLegacyDraft(text);
const SAVE = '00000000-0000-4000-8000-000000000001';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('drafts', () => {
  it('keeps a draft per call, with the time it was saved', async () => {
    await drafts.set(callId(1), { note: note('half a thought'), outcome_id: outcomeId(1) });
    await drafts.set(callId(2), { outcome_id: null });
    const first = await drafts.get(callId(1));
    expect(sameNote(first!.note!, note('half a thought'))).toBe(true);
    expect(first).toMatchObject({ outcome_id: outcomeId(1), savedAt: Date.parse('2026-03-15T12:00:00Z') });
    expect(await drafts.get(callId(2))).toMatchObject({ outcome_id: null });
    expect(await drafts.get(callId(3))).toBeUndefined();
  });

  it('reads drafts of older versions: a bare-string note, and jobId for the save', async () => {
    await fakeBrowser.storage.local.set({ [`draft:${callId(1)}`]: { note: 'old text', savedAt: 1, jobId: SAVE } });
    const draft = await drafts.get(callId(1));
    expect(notePlainText(draft!.note!)).toBe('old text');
    expect(draft!.saveId).toBe(SAVE);
  });

  it('removes one call\'s draft and leaves the others', async () => {
    await drafts.set(callId(1), { note: note('a') });
    await drafts.set(callId(2), { note: note('b') });
    await drafts.remove(callId(1));
    expect(await drafts.get(callId(1))).toBeUndefined();
    expect(notePlainText((await drafts.get(callId(2)))!.note!)).toBe('b');
  });

  it('after a confirmed save, removes the draft only if it is still that save’s (compare-and-delete)', async () => {
    await drafts.set(callId(1), { note: note('sent'), saveId: SAVE });
    // The rep types again while the confirmation is being handled: the newer draft is written
    // right after the removal's read. It must survive.
    const removal = drafts.removeIfSavedBy(callId(1), SAVE);
    const newer = drafts.set(callId(1), { note: note('typed since') });
    await Promise.all([removal, newer]);
    expect(notePlainText((await drafts.get(callId(1)))!.note!)).toBe('typed since');
    await drafts.set(callId(2), { note: note('sent'), saveId: SAVE });
    await drafts.removeIfSavedBy(callId(2), SAVE);
    expect(await drafts.get(callId(2))).toBeUndefined();
  });

  it('ignores stored values that are not drafts', async () => {
    for (const junk of ['text', { note: 42, savedAt: 1 }, { note: 'a' }, { outcome_id: 5, savedAt: 1 }, { note: { html: 1 }, savedAt: 1 }]) {
      await fakeBrowser.storage.local.set({ [`draft:${callId(1)}`]: junk });
      expect(await drafts.get(callId(1))).toBeUndefined();
    }
  });
});
