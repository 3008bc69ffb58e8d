import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { drafts } from './drafts';
import { callId, outcomeId } from '../test/unit/helpers';

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
    await drafts.set(callId(1), { note: 'half a thought', outcome_id: outcomeId(1) });
    await drafts.set(callId(2), { outcome_id: null });
    expect(await drafts.get(callId(1))).toEqual({
      note: 'half a thought',
      outcome_id: outcomeId(1),
      savedAt: Date.parse('2026-03-15T12:00:00Z'),
    });
    expect(await drafts.get(callId(2))).toMatchObject({ outcome_id: null });
    expect(await drafts.get(callId(3))).toBeUndefined();
  });

  it('removes one call\'s draft and leaves the others', async () => {
    await drafts.set(callId(1), { note: 'a' });
    await drafts.set(callId(2), { note: 'b' });
    await drafts.remove(callId(1));
    expect(await drafts.get(callId(1))).toBeUndefined();
    expect(await drafts.get(callId(2))).toMatchObject({ note: 'b' });
  });

  it('ignores stored values that are not drafts', async () => {
    for (const junk of ['text', { note: 42, savedAt: 1 }, { note: 'a' }, { outcome_id: 5, savedAt: 1 }]) {
      await fakeBrowser.storage.local.set({ [`draft:${callId(1)}`]: junk });
      expect(await drafts.get(callId(1))).toBeUndefined();
    }
  });
});
