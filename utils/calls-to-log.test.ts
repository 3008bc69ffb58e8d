import { describe, expect, it } from 'vitest';
import { badgeText, isToLog, periodStart, type CallsToLogState } from './calls-to-log';
import { makeCall } from '../test/unit/helpers';

describe('isToLog', () => {
  it('ended calls without an outcome; not calls still going on', () => {
    for (const status of ['completed', 'no-answer', 'busy', 'failed', null])
      expect(isToLog(makeCall({ status, outcome_id: null }), { noNote: false })).toBe(true);
    for (const status of ['created', 'in-progress'])
      expect(isToLog(makeCall({ status, outcome_id: null }), { noNote: false })).toBe(false);
  });
  it('a call with an outcome counts only by the setting, and only without a note', () => {
    const logged = makeCall({ status: 'completed', outcome_id: 'outcome_AAAAAAAAAAAAAAAAAAAAAA', note: '  ' });
    expect(isToLog(logged, { noNote: false })).toBe(false);
    expect(isToLog(logged, { noNote: true })).toBe(true);
    expect(isToLog({ ...logged, note: 'Talked.' }, { noNote: true })).toBe(false);
  });
});

describe('periodStart', () => {
  const now = new Date(2026, 11, 2, 15, 30).getTime(); // local time
  it('today from local midnight, 7 and 30 days counting today', () => {
    expect(periodStart('today', now)).toEqual(new Date(2026, 11, 2));
    expect(periodStart('last7', now)).toEqual(new Date(2026, 10, 26));
    expect(periodStart('last30', now)).toEqual(new Date(2026, 10, 3));
  });
});

describe('badgeText', () => {
  const ready = (n: number): CallsToLogState => ({
    state: 'ready',
    at: 0,
    calls: Array.from({ length: n }, () => ({ call: makeCall({}) })),
  });
  it('the count, none at 0 and none when not known', () => {
    expect(badgeText(ready(4))).toBe('4');
    expect(badgeText(ready(0))).toBe('');
    expect(badgeText(ready(1200))).toBe('999+');
    expect(badgeText({ state: 'failed', error: { kind: 'server', message: 'x', nextStep: 'retry' } })).toBe('');
    expect(badgeText({ state: 'too-many', limit: 2000 })).toBe('');
    expect(badgeText({ state: 'disconnected' })).toBe('');
  });
});
