import { describe, expect, it } from 'vitest';
import { CALL_END_MAX_MS, mustWaitForCallEnd, nextCallEndLook } from './call-end-wait';

describe('mustWaitForCallEnd', () => {
  it('a note save waits while Close reads the call as created or in progress', () => {
    for (const status of ['created', 'in-progress']) {
      expect(mustWaitForCallEnd(status, { note: 'x' })).toBe(true);
      expect(mustWaitForCallEnd(status, { note_html: '<body><p>x</p></body>', outcome_id: null })).toBe(true);
    }
  });

  it('an ended call, an outcome-only save, or Save anyway does not wait', () => {
    for (const status of ['completed', 'no-answer', 'busy', 'cancel', null, undefined]) expect(mustWaitForCallEnd(status, { note: 'x' })).toBe(false);
    expect(mustWaitForCallEnd('in-progress', { outcome_id: null })).toBe(false);
    expect(mustWaitForCallEnd('in-progress', { note: 'x' }, true)).toBe(false);
  });
});

describe('nextCallEndLook', () => {
  it('backs off 2, 4, 8, 16, 30, 30 … s, the last look right at 2 minutes, then asks', () => {
    const since = 1_000;
    let now = since;
    const waits: number[] = [];
    for (let looks = 0; ; looks++) {
      const step = nextCallEndLook(since, now, looks);
      if ('ask' in step) break;
      waits.push(step.wait);
      now += step.wait;
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(now - since).toBe(CALL_END_MAX_MS);
  });

  it('asks at once when the 2 minutes are up (a worker that slept through them)', () => {
    expect(nextCallEndLook(0, CALL_END_MAX_MS + 5, 0)).toEqual({ ask: true });
    expect(nextCallEndLook(0, CALL_END_MAX_MS - 500, 0)).toEqual({ wait: 500 });
  });
});
