import { describe, expect, it } from 'vitest';
import type { CloseClient, Result } from '../close/client';
import type { CloseError } from '../close/errors';
import type { Call, CallChanges } from '../close/schemas';
import type { TabMessage } from '../messages';
import { makeCall } from '../../test/unit/helpers';
import { createOutbox } from './outbox';
import { createSaver } from './saver';

const job = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An in-memory storage item, as WXT's would be. */
function memoryItem() {
  let value: unknown = [];
  return { getValue: async () => value, setValue: async (v: unknown) => void (value = v) } as never;
}

const offline: CloseError = { kind: 'offline', message: 'x', nextStep: 'retry' };
const busy = (seconds: number): CloseError => ({ kind: 'rate-limited', status: 429, message: 'x', nextStep: 'retry', retryAfterSeconds: seconds });
const unavailable: CloseError = { kind: 'server', status: 503, message: 'x', nextStep: 'retry' };

/** A fake Close holding one call; `failures` are answered first, one per request, in order. */
function fakeClose(initial: Call) {
  let call = { ...initial };
  let stamp = 0;
  const failures: CloseError[] = [];
  const puts: CallChanges[] = [];
  const next = <T>(value: () => T): Result<T> => {
    const error = failures.shift();
    return error ? { ok: false, error } : { ok: true, value: value() };
  };
  const client = {
    getCall: async () => next(() => ({ ...call })),
    updateCall: async (_id: string, changes: CallChanges) => {
      const result = next(() => {
        puts.push(changes);
        call = { ...call, ...changes, date_updated: `2026-11-24T10:00:${String(++stamp).padStart(2, '0')}Z` } as Call;
        return { ...call };
      });
      return result;
    },
  } as unknown as CloseClient;
  return {
    client,
    failures,
    puts,
    get call() {
      return call;
    },
    set call(value: Call) {
      call = value;
    },
  };
}

function setUp(initial = makeCall({ note: 'start' })) {
  const close = fakeClose(initial);
  const outbox = createOutbox(memoryItem());
  const waits: number[] = [];
  const notes: TabMessage[] = [];
  let wakes = 0;
  const saver = createSaver({
    outbox,
    client: async () => close.client,
    notify: async (_tab, message) => void notes.push(message),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    wakeLater: () => void wakes++,
  });
  const save = (n: number, changes: CallChanges, base: Call | null = initial) =>
    saver.save({ id: job(n), callId: initial.id, changes, base: base && { ...base }, tabId: 7 });
  return { close, outbox, saver, save, waits, notes, wakes: () => wakes, initial };
}

describe('saver', () => {
  it('applies saves to one call in the order they were made; the newest text wins', async () => {
    const { close, save } = setUp();
    const results = await Promise.all([save(1, { note: 'first' }), save(2, { note: 'second' }), save(3, { note: 'third' })]);
    expect(results.map((r) => r.state)).toEqual(['saved', 'saved', 'saved']);
    expect(close.puts.map((p) => p.note)).toEqual(['first', 'second', 'third']);
    expect(close.call.note).toBe('third');
  });

  it('our own earlier save is not mistaken for someone else’s change', async () => {
    const { save, close } = setUp();
    // Made before the first was confirmed, with the same base: the outbox rebases it on our write.
    const [first, second] = await Promise.all([save(1, { note: 'first' }), save(2, { note: 'second' })]);
    expect([first.state, second.state]).toEqual(['saved', 'saved']);
    // Made after, on the saved call, as the panel does.
    const third = await save(3, { note: 'third' }, second.state === 'saved' ? second.call : null);
    expect(third.state).toBe('saved');
    expect(close.call.note).toBe('third');
  });

  it('429: waits as Close asks and retries by itself, telling the tab how long', async () => {
    const { save, close, waits, notes } = setUp();
    close.failures.push(busy(0.6), busy(1.2));
    expect((await save(1, { outcome_id: null, note: 'x' })).state).toBe('saved');
    expect(waits).toEqual([650, 1250]);
    expect(notes.filter((n) => n.type === 'save.progress')).toMatchObject([
      { reason: 'rate-limited', seconds: 1 },
      { reason: 'rate-limited', seconds: 2 },
    ]);
  });

  it('503 retries with backoff; a persistent 429 gives up after a bounded number of tries', async () => {
    const a = setUp();
    a.close.failures.push(unavailable, unavailable);
    expect((await a.save(1, { note: 'x' })).state).toBe('saved');
    expect(a.waits).toEqual([750, 1500]);

    const b = setUp();
    b.close.failures.push(...Array.from({ length: 10 }, () => busy(0.1)));
    expect(await b.save(1, { note: 'x' })).toMatchObject({ state: 'failed', error: { kind: 'rate-limited' } });
    expect(b.waits).toHaveLength(4);
    expect(await b.outbox.list()).toEqual([]);
  });

  it('other errors are not retried, and the job leaves the outbox', async () => {
    const { save, close, waits, outbox } = setUp();
    close.failures.push({ kind: 'validation', status: 400, message: 'x', nextStep: 'fix-and-save' });
    expect(await save(1, { note: 'x' })).toMatchObject({ state: 'failed', error: { kind: 'validation' } });
    expect(waits).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('offline: the save is queued, kept in the outbox, and delivered on resume; later saves wait behind it', async () => {
    const { save, close, saver, outbox, wakes } = setUp();
    close.failures.push(offline, offline, offline);
    expect((await save(1, { note: 'while offline' })).state).toBe('queued');
    expect(wakes()).toBe(1);
    expect(await outbox.list()).toMatchObject([{ id: job(1), offline: true }]);
    // A new save tries the queued one again first; still offline, both wait, in order.
    close.failures.push(offline, offline, offline);
    expect((await save(2, { note: 'newer, also offline' })).state).toBe('queued');
    expect(close.puts).toEqual([]);
    expect((await outbox.list()).map((j) => [j.id, j.offline])).toEqual([
      [job(1), true],
      [job(2), true],
    ]);
    await saver.resume();
    expect(close.puts.map((p) => p.note)).toEqual(['while offline', 'newer, also offline']);
    expect(await outbox.list()).toEqual([]);
  });

  it('conflict: someone else changed the note meanwhile: nothing is written, theirs comes back', async () => {
    const { save, close, initial } = setUp();
    close.call = { ...close.call, note: 'theirs', date_updated: '2026-11-24T11:00:00Z' };
    const result = await save(1, { note: 'mine' }, initial);
    expect(result).toMatchObject({ state: 'conflict', theirs: { note: 'theirs' } });
    expect(close.puts).toEqual([]);
    // "Keep mine": saved against their version.
    expect((await save(2, { note: 'mine' }, close.call)).state).toBe('saved');
    expect(close.call.note).toBe('mine');
  });

  it('a save that already reached Close (answer lost) is confirmed without a second PUT', async () => {
    const { save, close } = setUp();
    close.call = { ...close.call, note: 'mine', date_updated: '2026-11-24T11:00:00Z' };
    expect((await save(1, { note: 'mine' })).state).toBe('saved');
    expect(close.puts).toEqual([]);
  });

  it('a worker that restarts picks the job up from the outbox, and status() reports it', async () => {
    const first = setUp();
    first.close.failures.push(offline, offline, offline);
    await first.save(1, { note: 'survives' });
    // A new saver over the same outbox, as after a worker restart.
    const restarted = createSaver({
      outbox: first.outbox,
      client: async () => first.close.client,
      notify: async () => undefined,
      sleep: async () => undefined,
    });
    expect(await restarted.status(job(1))).toEqual({ state: 'queued' });
    await restarted.resume();
    expect(await restarted.status(job(1))).toMatchObject({ state: 'saved' });
    expect(first.close.call.note).toBe('survives');
    expect(await restarted.status(job(9))).toEqual({ state: 'unknown' });
  });

  it('a queued save can be cancelled', async () => {
    const { save, close, saver } = setUp();
    close.failures.push(offline, offline, offline);
    await save(1, { note: 'never mind' });
    expect(await saver.list()).toMatchObject([{ jobId: job(1), offline: true, changes: { note: 'never mind' } }]);
    expect(await saver.cancel(job(1))).toEqual({ state: 'cancelled' });
    expect(await saver.list()).toEqual([]);
    await saver.resume();
    expect(close.puts).toEqual([]);
  });

  it('the same job sent twice (a retry after a lost reply) is saved once', async () => {
    const { save, close } = setUp();
    await save(1, { note: 'once' });
    expect((await save(1, { note: 'once' })).state).toBe('saved');
    expect(close.puts).toHaveLength(1);
  });
});
