import { describe, expect, it } from 'vitest';
import type { Call } from '../close/schemas';
import { adjacentCall, nextCallWithoutOutcome } from './calls';

const call = (id: string, outcome_id: string | null = null) => ({ id, outcome_id }) as unknown as Call;
const calls = [call('acti_1', 'o'), call('acti_2'), call('acti_3', 'o'), call('acti_4')];

describe('moving between calls', () => {
  it('steps up and down the list and stops at its ends', () => {
    expect(adjacentCall(calls, 'acti_2', 1)?.id).toBe('acti_3');
    expect(adjacentCall(calls, 'acti_2', -1)?.id).toBe('acti_1');
    expect(adjacentCall(calls, 'acti_1', -1)).toBeUndefined();
    expect(adjacentCall(calls, 'acti_4', 1)).toBeUndefined();
    expect(adjacentCall(calls, 'acti_x', 1)).toBeUndefined();
  });

  it('finds the next call without an outcome, wrapping round, never the same call', () => {
    expect(nextCallWithoutOutcome(calls, 'acti_1')?.id).toBe('acti_2');
    expect(nextCallWithoutOutcome(calls, 'acti_2')?.id).toBe('acti_4');
    expect(nextCallWithoutOutcome(calls, 'acti_4')?.id).toBe('acti_2');
    expect(nextCallWithoutOutcome([call('acti_1'), call('acti_2', 'o')], 'acti_1')).toBeUndefined();
    expect(nextCallWithoutOutcome([call('acti_1')], 'acti_1')).toBeUndefined();
  });
});
