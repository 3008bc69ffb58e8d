import { describe, expect, it } from 'vitest';
import type { Call } from '../close/schemas';
import { shortCallDate, whereInRun } from './where';

const call = (id: string, outcome_id: string | null = null) =>
  ({ id, outcome_id, activity_at: '2026-11-20T10:05:00Z', date_created: '2026-11-20T10:05:00Z' }) as unknown as Call;
const given = (calls: Call[], id: string, outcome: string) => calls.map((c) => (c.id === id ? { ...c, outcome_id: outcome } : c));

describe('where the rep is in the calls without an outcome', () => {
  const loaded = [call('a'), call('b'), call('x', 'o'), call('c')];

  it('counts the run from the call the panel opened on, as Save & next walks it', () => {
    expect(whereInRun(loaded, loaded, 'a', 'a')).toMatchObject({ kind: 'at', index: 1, total: 3 });
    let now = given(loaded, 'a', 'o');
    expect(whereInRun(loaded, now, 'b', 'a')).toMatchObject({ kind: 'at', index: 2, total: 3, call: { id: 'b' } });
    now = given(now, 'b', 'o');
    expect(whereInRun(loaded, now, 'c', 'a')).toMatchObject({ kind: 'at', index: 3, total: 3 });
    now = given(now, 'c', 'o');
    expect(whereInRun(loaded, now, 'c', 'a')).toEqual({ kind: 'all-done', total: 3 });
  });

  it('wraps round from a call further down', () => {
    expect(whereInRun(loaded, loaded, 'b', 'b')).toMatchObject({ index: 1 });
    expect(whereInRun(loaded, loaded, 'c', 'b')).toMatchObject({ index: 2 });
    expect(whereInRun(loaded, loaded, 'a', 'b')).toMatchObject({ index: 3 });
  });

  it('says nothing of a call outside the run, a call given an outcome, or a run of one', () => {
    expect(whereInRun(loaded, loaded, 'x', 'a')).toBeUndefined();
    expect(whereInRun(loaded, given(loaded, 'b', 'o'), 'b', 'a')).toBeUndefined();
    const one = [call('a'), call('x', 'o')];
    expect(whereInRun(one, one, 'a', 'a')).toBeUndefined();
    expect(whereInRun([], [], null, null)).toBeUndefined();
  });

  it('names the day short, in the rep’s language', () => {
    expect(shortCallDate(call('a'), 'en-US')).toBe('Nov 20');
    expect(shortCallDate(call('a'), 'de')).toBe('20. Nov.');
    expect(shortCallDate({ ...call('a'), activity_at: null, date_created: 'nonsense' } as Call, 'en-US')).toBe('');
  });
});
