import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CONFIRM_BATCH, MAX_IDS_PER_PAGE, createCallConfirmations } from './call-confirmations';
import { callId } from '../../test/unit/helpers';
import type { CallId } from '../close/ids';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const setup = (answer: (ids: CallId[]) => CallId[] | undefined | Promise<CallId[] | undefined>) => {
  const asked: CallId[][] = [];
  const calls = createCallConfirmations(async (ids) => {
    asked.push(ids);
    return answer(ids);
  });
  const changes = vi.fn();
  calls.subscribe(changes);
  return { calls, asked, changes };
};

it('asks once for everything requested in one task, and remembers the answer for the page', async () => {
  const { calls, asked, changes } = setup((ids) => ids.filter((id) => id !== callId(2)));
  calls.request([callId(1), callId(2)]);
  calls.request([callId(1), callId(3)]);
  expect(calls.isCall(callId(1))).toBe(false); // not before Close answered
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toEqual([[callId(1), callId(2), callId(3)]]);
  expect([1, 2, 3].map((n) => calls.isCall(callId(n)))).toEqual([true, false, true]);
  expect(changes).toHaveBeenCalledTimes(1);
  calls.request([callId(1), callId(2), callId(3)]);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(asked).toHaveLength(1);
});

it('batches of CONFIRM_BATCH, one request each', async () => {
  const { calls, asked } = setup((ids) => ids);
  calls.request(Array.from({ length: CONFIRM_BATCH + 1 }, (_, i) => callId(i + 1)));
  await vi.advanceTimersByTimeAsync(0);
  expect(asked.map((batch) => batch.length)).toEqual([CONFIRM_BATCH, 1]);
});

it('no answer (a 400, a 429, no key): nothing is a call, and it asks again with growing waits', async () => {
  let answers = 0;
  const { calls, asked } = setup(() => (++answers < 4 ? undefined : [callId(1)]));
  calls.request([callId(1)]);
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toHaveLength(1);
  expect(calls.isCall(callId(1))).toBe(false);
  await vi.advanceTimersByTimeAsync(999);
  expect(asked).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(asked).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(2_000);
  expect(asked).toHaveLength(3);
  await vi.advanceTimersByTimeAsync(4_000);
  expect(asked).toHaveLength(4);
  expect(calls.isCall(callId(1))).toBe(true);
});

it('an answer naming an id it was not asked about confirms nothing of it', async () => {
  const { calls } = setup(() => [callId(9)]);
  calls.request([callId(1)]);
  await vi.advanceTimersByTimeAsync(0);
  expect(calls.isCall(callId(9))).toBe(false);
});

it('a confirm that throws is no answer', async () => {
  const { calls, asked } = setup(() => Promise.reject(new Error('gone')));
  calls.request([callId(1)]);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(asked).toHaveLength(2);
  expect(calls.isCall(callId(1))).toBe(false);
});

it('asks about at most MAX_IDS_PER_PAGE ids in a page\'s life (made-up ids must not spend the rate limit)', async () => {
  const { calls, asked } = setup((ids) => ids);
  calls.request(Array.from({ length: MAX_IDS_PER_PAGE + 10 }, (_, i) => callId(i + 1)));
  calls.request([callId(MAX_IDS_PER_PAGE + 20)]);
  await vi.advanceTimersByTimeAsync(0);
  expect(asked.flat()).toHaveLength(MAX_IDS_PER_PAGE);
  expect(asked).toHaveLength(MAX_IDS_PER_PAGE / CONFIRM_BATCH);
});
