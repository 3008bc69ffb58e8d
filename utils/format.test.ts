import { describe, expect, it } from 'vitest';
import { callLabel, formatCallDate, formatDuration } from './format';
import { makeCall, outcomeId } from '../test/unit/helpers';

describe('formatDuration', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatDuration(185)).toBe('3:05');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3600)).toBe('60:00');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(null)).toBe('0:00');
  });
});

describe('formatCallDate', () => {
  it('formats a date in the given locale, and says so when there is none', () => {
    expect(formatCallDate('2026-03-15T12:00:00Z', 'en-US')).toContain('Mar 15, 2026');
    expect(formatCallDate(null)).toBe('unknown date');
    expect(formatCallDate('not a date')).toBe('unknown date');
  });
});

describe('callLabel', () => {
  const call = makeCall({
    direction: 'outbound',
    phone: '+15551230000',
    remote_phone: '+15559876543',
    duration: 185,
    activity_at: '2026-03-15T12:00:00Z',
    date_created: '2026-03-01T12:00:00Z',
    outcome_id: outcomeId(1),
  });

  it('names direction, the other party\'s number, date and duration', () => {
    const label = callLabel(call, 'en-US');
    expect(label).toMatch(/^Outbound · \+15559876543 · .*Mar 15, 2026.* · 3:05$/);
    expect(label).not.toContain('no outcome');
  });

  it('marks a call without an outcome', () => {
    expect(callLabel({ ...call, outcome_id: null }, 'en-US')).toMatch(/ · no outcome$/);
  });

  it('says Inbound, falls back to phone, to the creation date, and to "Call"', () => {
    const label = callLabel({ ...call, direction: 'inbound', remote_phone: null, activity_at: null }, 'en-US');
    expect(label).toMatch(/^Inbound · \+15551230000 · .*Mar 1, 2026/);
    expect(callLabel({ ...call, direction: null, remote_phone: '', phone: null }, 'en-US')).toMatch(/^Call · unknown number · /);
  });
});
