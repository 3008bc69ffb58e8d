import { describe, expect, it, vi } from 'vitest';
import { RATE_LIMIT_DEADLINE_MS } from '../close/rate-limit-wait';
import { callId, makeCall, outcomeId } from '../../test/unit/helpers';
import { ANN, busy, job, memoryItem, settled, setUp, unavailable } from '../../test/unit/saver-harness';
import { holdMsFor } from './hold';
import { createOutbox } from './outbox';
import { createSaver } from './saver';

// Issue 14: 429s waited out as Close asks until the save's deadline, and the outcome hold;
// issue 15: Retry now.

const OUTCOME = outcomeId(3);
const holdFor = (seconds: number) => async (changes: Parameters<typeof holdMsFor>[0]) => holdMsFor(changes, { on: true, seconds });

describe('repeated 429s', () => {
  it('are waited out exactly as Close asks, however many come in a row, and the save lands by itself', async () => {
    const t = setUp(undefined, { clockSleeps: true });
    t.close.failures.push(...Array.from({ length: 12 }, () => busy(1.5)));
    expect((await t.save(1, { note: 'x' })).state).toBe('saved');
    expect(t.waits).toEqual(Array(12).fill(1550));
    expect(t.close.puts).toEqual([{ note: 'x' }]);
    // Each wait was told to the tab, with its end.
    const told = t.notes.flatMap((n) => (n.type === 'save.result' && n.result.state === 'waiting' ? [n.result] : []));
    expect(told).toHaveLength(12);
    expect(told.every((r) => r.state === 'waiting' && r.reason === 'rate-limited' && r.until !== undefined)).toBe(true);
  });

  it('stop at the save’s deadline: the rep is told, the save leaves the outbox, nothing more is sent', async () => {
    const t = setUp(undefined, { clockSleeps: true });
    t.close.failures.push(...Array.from({ length: 1000 }, () => busy(15)));
    expect(await t.save(1, { note: 'x' })).toMatchObject({ state: 'failed', error: { kind: 'rate-limited' } });
    // 15.05 s each, as many as fit in the deadline since the first 429.
    expect(t.waits).toHaveLength(Math.floor(RATE_LIMIT_DEADLINE_MS / 15_050));
    expect(t.close.puts).toEqual([]);
    expect(await t.outbox.list()).toEqual([]);
  });

  it('the deadline survives a long wait held in the outbox (a stopped worker), and is cleared by another answer', async () => {
    const t = setUp();
    t.close.failures.push(busy(90));
    expect(await t.save(1, { note: 'later' })).toMatchObject({ state: 'waiting', reason: 'rate-limited' });
    expect(await t.outbox.list()).toMatchObject([{ limitedSince: 1_000_000, wait: { reason: 'rate-limited', until: 1_090_050 } }]);
    // Nearly the whole deadline later, Close asks for more than is left: told, not waited.
    t.advance(RATE_LIMIT_DEADLINE_MS - 10_000);
    t.close.failures.push(busy(20));
    await t.saver.resume();
    expect(await t.saver.status(job(1))).toMatchObject({ state: 'failed', error: { kind: 'rate-limited' } });

    const u = setUp();
    u.close.failures.push(busy(1), unavailable);
    expect((await u.save(1, { note: 'x' })).state).toBe('saved');
  });
});

describe('the outcome hold', () => {
  it('a save that changes the outcome waits in the outbox for its hold, then is sent once', async () => {
    const t = setUp(undefined, { clockSleeps: true, holdMs: holdFor(5) });
    expect(await t.saver.save({ id: job(1), callId: t.initial.id, changes: { outcome_id: OUTCOME }, base: { ...t.initial }, tabId: 7 })).toEqual({ state: 'accepted' });
    await vi.waitFor(() => expect(t.close.puts).toEqual([{ outcome_id: OUTCOME }]));
    expect(t.waits[0]).toBe(5000);
    // A timer, with the alarm behind it in case the worker stops.
    expect(t.alarms).toContain(1_030_000);
    expect(await t.saver.status(job(1))).toMatchObject({ state: 'saved' });
  });

  it('is said as a hold with its end, and a save that does not change the outcome is not held', async () => {
    const ends: (() => void)[] = [];
    const t = setUp(undefined, { holdMs: holdFor(5), sleep: () => new Promise((resolve) => ends.push(resolve)) });
    await t.saver.save({ id: job(1), callId: t.initial.id, changes: { outcome_id: OUTCOME }, base: { ...t.initial } });
    expect(await t.saver.status(job(1))).toEqual({ state: 'waiting', reason: 'hold', until: 1_005_000 });
    expect(await t.saver.list()).toMatchObject([{ progress: { state: 'waiting', reason: 'hold', until: 1_005_000 } }]);
    const other = setUp(makeCall({ id: callId(2), note: 'start' }), { holdMs: holdFor(5) });
    expect((await other.save(2, { note: 'only the note' })).state).toBe('saved');
  });

  it('Undo during the hold removes it: nothing at all reaches Close, not even a read', async () => {
    const ends: (() => void)[] = [];
    const t = setUp(undefined, { holdMs: holdFor(5), sleep: () => new Promise((resolve) => ends.push(resolve)) });
    await t.saver.save({ id: job(1), callId: t.initial.id, changes: { outcome_id: OUTCOME }, base: { ...t.initial } });
    expect(await t.saver.cancel(job(1))).toEqual({ state: 'cancelled' });
    t.advance(5000);
    ends.forEach((end) => end());
    await t.saver.resume();
    await settled();
    expect(t.close.requests).toEqual([]);
    expect(await t.outbox.list()).toEqual([]);
  });

  it('longer than 20 s is an alarm at its end; a fresh worker sends it when due, and not before', async () => {
    const outbox = createOutbox(memoryItem());
    const t = setUp(undefined, { outbox, holdMs: holdFor(30) });
    await t.saver.save({ id: job(1), callId: t.initial.id, changes: { outcome_id: OUTCOME }, base: { ...t.initial } });
    expect(t.waits).toEqual([]);
    expect(t.alarms).toEqual([1_030_000]);
    let clock = 1_010_000;
    const restarted = createSaver({
      outbox,
      connection: async () => ({ apiKey: 'key-ann', account: ANN }),
      createClient: () => t.close.client,
      notify: async () => undefined,
      sleep: async () => undefined,
      now: () => clock,
    });
    await restarted.resume();
    expect(t.close.requests).toEqual([]);
    clock = 1_030_000;
    await restarted.resume();
    expect(t.close.puts).toEqual([{ outcome_id: OUTCOME }]);
    expect(await outbox.list()).toEqual([]);
  });
});

describe('Retry now', () => {
  it('ends a timer wait for Close at once', async () => {
    const t = setUp(undefined, { sleep: () => new Promise(() => undefined) }); // waits that never end by themselves
    t.close.failures.push(unavailable);
    await t.saver.save({ id: job(1), callId: t.initial.id, changes: { note: 'now' }, base: { ...t.initial }, tabId: 7 });
    await vi.waitFor(async () => expect(await t.saver.status(job(1), false)).toMatchObject({ state: 'sending' }));
    await vi.waitFor(() => expect(t.notes.some((n) => n.type === 'save.result' && n.result.state === 'waiting')).toBe(true));
    expect(await t.saver.retryNow(job(1))).toEqual({ state: 'sending' });
    await vi.waitFor(() => expect(t.close.puts).toEqual([{ note: 'now' }]));
  });

  it('sends a save held for Close’s trouble before its time', async () => {
    const t = setUp();
    t.close.failures.push(unavailable, unavailable, unavailable, unavailable);
    expect(await t.save(1, { note: 'held' })).toMatchObject({ state: 'waiting', reason: 'server', until: 1_030_000 });
    expect(await t.saver.retryNow(job(1))).toEqual({ state: 'sending' });
    await vi.waitFor(() => expect(t.close.puts).toEqual([{ note: 'held' }]));
  });

  it('respects Cancel: a cancelled save is not sent, and a save not waiting for Close is left as it is', async () => {
    const t = setUp();
    t.close.failures.push(unavailable, unavailable, unavailable, unavailable);
    await t.save(1, { note: 'never' });
    await t.saver.cancel(job(1));
    expect(await t.saver.retryNow(job(1))).toEqual({ state: 'cancelled' });
    await settled();
    expect(t.close.puts).toEqual([]);

    const h = setUp(undefined, { holdMs: holdFor(5), sleep: () => new Promise(() => undefined) });
    await h.saver.save({ id: job(2), callId: h.initial.id, changes: { outcome_id: null }, base: null });
    expect(await h.saver.retryNow(job(2))).toEqual({ state: 'waiting', reason: 'hold', until: 1_005_000 });
    await settled();
    expect(h.close.requests).toEqual([]);
  });
});
