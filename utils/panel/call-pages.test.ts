import { describe, expect, it } from 'vitest';
import type { Call } from '../close/schemas';
import { addPage, nextWithoutOutcome, stepCall } from './call-pages';

const call = (id: string, outcome_id: string | null = null) => ({ id, outcome_id }) as unknown as Call;
const calls = [call('acti_1', 'o'), call('acti_2'), call('acti_3', 'o'), call('acti_4')];
const id = (found: ReturnType<typeof stepCall>) => (found.kind === 'call' ? found.call.id : found.kind);

describe('moving between calls', () => {
  it('steps up and down the list and stops at its ends when Close has no more', () => {
    expect(id(stepCall(calls, 'acti_2', 1, false))).toBe('acti_3');
    expect(id(stepCall(calls, 'acti_2', -1, false))).toBe('acti_1');
    expect(id(stepCall(calls, 'acti_1', -1, false))).toBe('none');
    expect(id(stepCall(calls, 'acti_4', 1, false))).toBe('none');
    expect(id(stepCall(calls, 'acti_x', 1, true))).toBe('none');
  });

  it('past the last loaded call, the next page first while Close has more (never above the first)', () => {
    expect(id(stepCall(calls, 'acti_4', 1, true))).toBe('more');
    expect(id(stepCall(calls, 'acti_1', -1, true))).toBe('none');
    expect(id(stepCall(calls, 'acti_3', 1, true))).toBe('acti_4');
  });
});

describe('Save & next across pages', () => {
  it('all pages in: the next call without an outcome, wrapping round, never the same call', () => {
    expect(id(nextWithoutOutcome(calls, 'acti_1', false))).toBe('acti_2');
    expect(id(nextWithoutOutcome(calls, 'acti_2', false))).toBe('acti_4');
    expect(id(nextWithoutOutcome(calls, 'acti_4', false))).toBe('acti_2');
    expect(id(nextWithoutOutcome([call('acti_1'), call('acti_2', 'o')], 'acti_1', false))).toBe('none');
    expect(id(nextWithoutOutcome([call('acti_1')], 'acti_1', false))).toBe('none');
  });

  it('none after it in the loaded pages: the next page decides, not a wrap to the top nor "all done"', () => {
    expect(id(nextWithoutOutcome(calls, 'acti_4', true))).toBe('more');
    expect(id(nextWithoutOutcome([call('acti_1'), call('acti_2', 'o')], 'acti_1', true))).toBe('more');
    // One after it on this page is still taken at once.
    expect(id(nextWithoutOutcome(calls, 'acti_2', true))).toBe('acti_4');
  });
});

describe('pages added', () => {
  it('after the loaded ones, in order; a call already there (the URL\'s call put first) is not repeated', () => {
    const merged = addPage([call('acti_9'), call('acti_1')], [call('acti_2'), call('acti_9'), call('acti_3'), call('acti_3')]);
    expect(merged.map((c) => c.id)).toEqual(['acti_9', 'acti_1', 'acti_2', 'acti_3']);
  });
});
