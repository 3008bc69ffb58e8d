import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_SECONDS, holdMsFor, holdSeconds, readOutcomeHold } from './hold';

describe('the outcome hold', () => {
  it('holds only saves that change the outcome (set or cleared), only with the setting on', () => {
    const on = { on: true, seconds: 5 };
    expect(holdMsFor({ outcome_id: 'outcome_x' }, on)).toBe(5000);
    expect(holdMsFor({ outcome_id: null, note: 'x' }, on)).toBe(5000);
    expect(holdMsFor({ note: 'only the note' }, on)).toBe(0);
    expect(holdMsFor({ note_html: '<body><p>x</p></body>' }, on)).toBe(0);
    expect(holdMsFor({ outcome_id: 'outcome_x' }, { on: false, seconds: 5 })).toBe(0);
  });

  it('reads whole seconds from 5 to 30; anything else as the default', () => {
    expect([5, 17, 30].map(holdSeconds)).toEqual([5, 17, 30]);
    expect([4, 31, 7.5, '10', null, undefined, Number.NaN].map(holdSeconds)).toEqual(Array(7).fill(DEFAULT_HOLD_SECONDS));
  });

  it('reads the stored setting; missing, damaged or unreadable is off', async () => {
    const stored = (items: Record<string, unknown>) => async () => items;
    expect(await readOutcomeHold(stored({ 'settings.outcomeHold': true, 'settings.outcomeHoldSeconds': 20 }))).toEqual({ on: true, seconds: 20 });
    expect(await readOutcomeHold(stored({ 'settings.outcomeHold': 'yes' }))).toEqual({ on: false, seconds: DEFAULT_HOLD_SECONDS });
    expect(await readOutcomeHold(stored({}))).toEqual({ on: false, seconds: DEFAULT_HOLD_SECONDS });
    expect(await readOutcomeHold(() => Promise.reject(new Error('gone')))).toEqual({ on: false, seconds: DEFAULT_HOLD_SECONDS });
  });
});
