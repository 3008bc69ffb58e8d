import { describe, expect, it, vi } from 'vitest';
import { makeCall } from '../../test/unit/helpers';
import { ANN, BOB, busy, job, memoryItem, offline, settled, setUp, unavailable } from '../../test/unit/saver-harness';
import { createOutbox } from './outbox';
import { createSaver } from './saver';

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
    expect(notes.filter((n) => n.type === 'save.result' && n.result.state === 'waiting').map((n) => n.type === 'save.result' && n.result)).toMatchObject([
      { reason: 'rate-limited', until: 1_000_650 },
      { reason: 'rate-limited', until: 1_001_250 },
    ]);
  });

  it('503 retries with backoff', async () => {
    const a = setUp();
    a.close.failures.push(unavailable, unavailable);
    expect((await a.save(1, { note: 'x' })).state).toBe('saved');
    expect(a.waits).toEqual([750, 1500]);
  });

  it('a Close that keeps answering 503 is said as Close’s trouble, never as the rep being offline (issue 15)', async () => {
    const { save, close, outbox } = setUp();
    close.failures.push(...Array.from({ length: 10 }, () => unavailable));
    expect(await save(1, { note: 'x' })).toMatchObject({ state: 'waiting', reason: 'server', until: expect.any(Number) });
    expect(await outbox.list()).toMatchObject([{ id: job(1), wait: { reason: 'server' } }]);
  });

  it('other errors are not retried, and the job leaves the outbox', async () => {
    const { save, close, waits, outbox } = setUp();
    close.failures.push({ kind: 'validation', status: 400, message: 'x', nextStep: 'fix-and-save' });
    expect(await save(1, { note: 'x' })).toMatchObject({ state: 'failed', error: { kind: 'validation' } });
    expect(waits).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('offline: the save is queued, kept in the outbox, and delivered on resume; later saves wait behind it', async () => {
    const { save, close, saver, outbox, alarms } = setUp();
    close.failures.push(offline, offline, offline);
    expect(await save(1, { note: 'while offline' })).toEqual({ state: 'waiting', reason: 'offline', until: 1_030_000 });
    // Every wait the rep is told about has an alarm behind it: the two short ones in the worker
    // (0.75 s, 1.5 s) one due after their timers, in case the worker is stopped meanwhile.
    expect(alarms).toEqual([1_030_000, 1_030_000, 1_030_000]);
    expect(await outbox.list()).toMatchObject([{ id: job(1), wait: { reason: 'offline' } }]);
    // A new save tries the waiting one again first; still offline, both wait, in order.
    close.failures.push(offline, offline, offline);
    expect(await save(2, { note: 'newer, also offline' })).toMatchObject({ state: 'waiting', reason: 'offline' });
    expect(close.puts).toEqual([]);
    expect((await outbox.list()).map((j) => j.id)).toEqual([job(1), job(2)]);
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
      connection: async () => ({ apiKey: 'key-ann', account: ANN }),
      createClient: () => first.close.client,
      notify: async () => undefined,
      sleep: async () => undefined,
    });
    expect(await restarted.status(job(1))).toMatchObject({ state: 'waiting', reason: 'offline' });
    await restarted.resume();
    expect(await restarted.status(job(1))).toMatchObject({ state: 'saved' });
    expect(first.close.call.note).toBe('survives');
    expect(await restarted.status(job(9))).toEqual({ state: 'unknown' });
  });

  it('a queued save can be cancelled', async () => {
    const { save, close, saver } = setUp();
    close.failures.push(offline, offline, offline);
    await save(1, { note: 'never mind' });
    expect(await saver.list()).toMatchObject([{ saveId: job(1), progress: { state: 'waiting', reason: 'offline' }, changes: { note: 'never mind' }, owner: { email: ANN.email } }]);
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

  it('Cancel is final: a save cancelled during a wait is never sent', async () => {
    let cancel: (() => Promise<unknown>) | undefined;
    const t = setUp(undefined, { sleep: async () => void (await cancel?.()) });
    cancel = () => t.saver.cancel(job(1));
    t.close.failures.push(unavailable);
    expect(await t.save(1, { note: 'never' })).toEqual({ state: 'cancelled' });
    await settled();
    expect(t.close.puts).toEqual([]);
  });

  it('Cancel is final after a worker restart: the grace period’s end re-reads the outbox', async () => {
    const outbox = createOutbox(memoryItem());
    const call = makeCall({ note: 'start' });
    // A save the stopped worker had started (attempts 1): the new worker waits, then would send.
    await outbox.add({ id: job(1), callId: call.id, changes: { note: 'cancelled' }, base: null, createdAt: 1, attempts: 1, owner: { userId: ANN.userId, organizationId: ANN.organizationId, email: ANN.email } });
    let saver: ReturnType<typeof createSaver> | undefined;
    const t = setUp(call, { outbox, sleep: async () => void (await saver!.cancel(job(1))) });
    saver = t.saver;
    await t.saver.resume();
    expect(t.close.puts).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('Cancel between the read and the write: the PUT is not sent', async () => {
    const t = setUp();
    const getCall = t.close.client.getCall.bind(t.close.client);
    t.close.client.getCall = async (id) => {
      const answer = await getCall(id);
      void t.saver.cancel(job(1)); // the rep cancels while Close answers the read
      return answer;
    };
    await t.save(1, { note: 'never' });
    expect(t.close.puts).toEqual([]);
  });

  it('a request on the wire cannot be cancelled, and says so', async () => {
    const t = setUp();
    let answer: (() => void) | undefined;
    const updateCall = t.close.client.updateCall.bind(t.close.client);
    t.close.client.updateCall = (id, changes) => new Promise((resolve) => (answer = () => resolve(updateCall(id, changes))));
    const done = t.save(1, { note: 'on its way' });
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(await t.saver.cancel(job(1))).toEqual({ state: 'sending' });
    expect(await t.saver.list()).toMatchObject([{ progress: { state: 'sending' } }]);
    answer!();
    expect((await done).state).toBe('saved');
  });

  it('a wait longer than 20 s is an alarm, not a timer; a fresh worker finishes it when it is due', async () => {
    const t = setUp();
    t.close.failures.push(busy(90));
    expect(await t.save(1, { note: 'later' })).toEqual({ state: 'waiting', reason: 'rate-limited', until: 1_090_050 });
    expect(t.waits).toEqual([]);
    expect(t.alarms).toEqual([1_090_050]);
    // Woken too early (another alarm, a panel opening): Close's wait is respected.
    await t.saver.resume();
    expect(t.close.puts).toEqual([]);
    t.advance(90_050);
    await t.saver.resume();
    expect(t.close.puts).toEqual([{ note: 'later' }]);
  });

  it('a save is sent only with the key of the account that made it; with another or none, it waits', async () => {
    const t = setUp();
    t.close.failures.push(offline, offline, offline);
    await t.save(1, { note: 'Ann’s' });
    t.connection.current = { apiKey: 'key-bob', account: BOB };
    await t.saver.resume();
    expect(await t.saver.list()).toMatchObject([{ progress: { state: 'waiting', reason: 'account' }, owner: { email: ANN.email } }]);
    t.connection.current = undefined;
    await t.saver.resume();
    expect(t.keys).toEqual(['key-ann']);
    expect(t.close.puts).toEqual([]);
    expect(await t.saver.list()).toHaveLength(1); // never dropped silently
    t.connection.current = { apiKey: 'key-ann-2', account: ANN };
    await t.saver.resume();
    expect(t.close.puts).toEqual([{ note: 'Ann’s' }]);
    expect(t.keys).toEqual(['key-ann', 'key-ann-2']);
  });

  it('with no key connected a save is refused, not stored', async () => {
    const t = setUp();
    t.connection.current = undefined;
    expect(await t.save(1, { note: 'x' })).toMatchObject({ state: 'failed', error: { kind: 'auth' } });
    expect(await t.outbox.list()).toEqual([]);
  });

  it('a save of an older version (no account) is never sent blind: it waits until the rep sends it', async () => {
    const outbox = createOutbox(memoryItem());
    const call = makeCall({ note: 'start' });
    await outbox.add({ id: job(1), callId: call.id, changes: { note: 'old version' }, base: null, createdAt: 1, attempts: 0, offline: true });
    const t = setUp(call, { outbox });
    await t.saver.resume();
    expect(t.close.puts).toEqual([]);
    expect(await t.saver.list()).toMatchObject([{ owner: null, progress: { state: 'waiting', reason: 'unclaimed' } }]);
    expect(await t.saver.claim(job(1))).toEqual({ state: 'accepted' });
    await vi.waitFor(() => expect(t.close.puts).toEqual([{ note: 'old version' }]));
  });
});
