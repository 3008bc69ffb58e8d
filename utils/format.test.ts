import { describe, expect, it } from 'vitest';
import { callLabel, formatCallDate, formatDuration } from './format';
import { makeCall, outcomeId } from '../test/unit/helpers';
import { useLocale } from '../test/unit/i18n-setup';

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
  const WILE = { id: 'cont_PO63mCGBgBnI6Cz1vm2O0KEko97uXhzsP4QlmLlTLdj', name: 'Wile E. Coyote' };
  const call = makeCall({
    direction: 'outbound',
    contact_id: WILE.id,
    phone: '+15551230000',
    remote_phone: '+15559876543',
    duration: 185,
    activity_at: '2026-03-15T12:00:00Z',
    date_created: '2026-03-01T12:00:00Z',
    outcome_id: outcomeId(1),
  });

  it('names direction, the contact, date and duration', () => {
    const label = callLabel(call, { contacts: [WILE], locale: 'en-US' });
    expect(label).toMatch(/^Outbound · Wile E\. Coyote · .*Mar 15, 2026.* · 3:05$/);
    expect(label).not.toContain('no outcome');
  });

  it('names the other party’s number when the contact is unknown or contacts are missing', () => {
    expect(callLabel(call, { locale: 'en-US' })).toMatch(/^Outbound · \+15559876543 · /);
    expect(callLabel(call, { contacts: [{ id: 'cont_other', name: 'Someone Else' }], locale: 'en-US' })).toMatch(
      /^Outbound · \+15559876543 · /,
    );
    expect(callLabel({ ...call, contact_id: null }, { contacts: [WILE], locale: 'en-US' })).toMatch(/^Outbound · \+15559876543 · /);
  });

  it('marks a call without an outcome', () => {
    expect(callLabel({ ...call, outcome_id: null }, { contacts: [WILE], locale: 'en-US' })).toMatch(/ · no outcome$/);
  });

  it('says Inbound, falls back to phone, to the creation date, and to "Call"', () => {
    const label = callLabel({ ...call, direction: 'inbound', contact_id: null, remote_phone: null, activity_at: null }, { locale: 'en-US' });
    expect(label).toMatch(/^Inbound · \+15551230000 · .*Mar 1, 2026/);
    expect(callLabel({ ...call, contact_id: null, direction: null, remote_phone: '', phone: null }, { locale: 'en-US' })).toMatch(
      /^Call · unknown number · /,
    );
  });

  it('follows the browser’s UI language when no locale is given: English dates in English', () => {
    expect(callLabel({ ...call, outcome_id: null }, { contacts: [WILE] })).toMatch(
      /^Outbound · Wile E\. Coyote · Mar 15, 2026, .* · 3:05 · no outcome$/,
    );
  });

  it('in German: German words and a German date', () => {
    useLocale('de');
    const label = callLabel({ ...call, outcome_id: null }, { contacts: [WILE] });
    expect(label).toMatch(/^Ausgehend · Wile E\. Coyote · 15\.03\.2026, \d{2}:\d{2} · 3:05 · kein Ergebnis$/);
    expect(callLabel({ ...call, direction: 'inbound', contact_id: null, remote_phone: null, phone: null })).toMatch(
      /^Eingehend · unbekannte Nummer · 15\.03\.2026/,
    );
    expect(callLabel({ ...call, direction: null, activity_at: null, date_created: 'kaputt' })).toMatch(
      /^Anruf · \+15559876543 · unbekanntes Datum · 3:05$/,
    );
  });
});
