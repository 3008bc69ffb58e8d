import { describe, expect, it } from 'vitest';
import { makeCall, outcomeId } from '../../test/unit/helpers';
import { job, settled, setUp } from '../../test/unit/saver-harness';
import { CALL_END_MAX_MS } from './call-end-wait';

// Issue 14: a note save of a call Close still reads as going on waits until it ends (Close's
// dialer autosaves the note meanwhile), polled with backoff for 2 minutes, then the rep chooses.

const live = makeCall({ note: 'typed in the dialer', status: 'in-progress' });

/** A sleep that moves the clock and, after `looks` waits, has Close end the call. */
function endsAfter(t: { current?: ReturnType<typeof setUp> }, looks: number) {
  let slept = 0;
  return async (ms: number) => {
    t.current!.waits.push(ms);
    t.current!.advance(ms);
    if (++slept === looks) t.current!.close.call = { ...t.current!.close.call, status: 'completed' };
  };
}

describe('a note save of a call in progress', () => {
  it('waits, said with its next look, asking Close again with backoff; once the call ended it goes', async () => {
    const box: { current?: ReturnType<typeof setUp> } = {};
    const t = (box.current = setUp(live, { sleep: endsAfter(box, 3) }));
    expect((await t.save(1, { note: 'mine' })).state).toBe('saved');
    expect(t.waits).toEqual([2_000, 4_000, 8_000]);
    expect(t.close.requests).toEqual(['GET', 'GET', 'GET', 'GET', 'PUT']);
    expect(t.close.puts).toEqual([{ note: 'mine' }]);
    const told = t.notes.flatMap((n) => (n.type === 'save.result' && n.result.state === 'waiting' ? [n.result] : []));
    expect(told).toEqual([
      { state: 'waiting', reason: 'call-live', until: 1_002_000 },
      { state: 'waiting', reason: 'call-live', until: 1_006_000 },
      { state: 'waiting', reason: 'call-live', until: 1_014_000 },
    ]);
  });

  it('an outcome-only save does not wait', async () => {
    const t = setUp(live);
    expect((await t.save(1, { outcome_id: outcomeId(2) })).state).toBe('saved');
    expect(t.waits).toEqual([]);
  });

  it('after 2 minutes it asks (held in the outbox); Save anyway sends it though the call still reads live', async () => {
    const t = setUp(live, { clockSleeps: true });
    expect(await t.save(1, { note: 'mine' })).toEqual({ state: 'waiting', reason: 'call-ask' });
    expect(t.waits.reduce((a, b) => a + b, 0)).toBe(CALL_END_MAX_MS);
    expect(t.close.puts).toEqual([]);
    expect(await t.outbox.list()).toMatchObject([{ liveSince: 1_000_000, wait: { reason: 'call-ask' } }]);
    expect(await t.saver.callEnd(job(1), 'anyway')).toEqual({ state: 'sending' });
    await settled();
    expect(t.close.puts).toEqual([{ note: 'mine' }]);
    expect(await t.saver.status(job(1))).toMatchObject({ state: 'saved' });
  });

  it('Keep waiting waits another 2 minutes from now, then asks again', async () => {
    const t = setUp(live, { clockSleeps: true });
    await t.save(1, { note: 'mine' });
    const before = t.waits.length;
    expect(await t.saver.callEnd(job(1), 'wait')).toEqual({ state: 'sending' });
    await settled();
    expect(t.waits.slice(before).reduce((a, b) => a + b, 0)).toBe(CALL_END_MAX_MS);
    expect(await t.saver.status(job(1))).toEqual({ state: 'waiting', reason: 'call-ask' });
    expect(t.close.puts).toEqual([]);
    // An answer for a save that is not asking changes nothing.
    expect(await t.saver.callEnd(job(9), 'anyway')).toEqual({ state: 'unknown' });
  });
});
