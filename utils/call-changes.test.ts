import { describe, expect, it } from 'vitest';
import { callChanges as changesOf, hasChanges } from './call-changes';
import { makeCall, outcomeId } from '../test/unit/helpers';
import { noteFromBoxText } from './note-content';

const callChanges = (call: Parameters<typeof changesOf>[0], note: string, outcome: string | null) =>
  changesOf(call, noteFromBoxText(note), outcome);

const plain = makeCall({ note: 'Left a voicemail.', note_html: '<body><p>Left a voicemail.</p></body>', outcome_id: outcomeId(1) });
const rich = makeCall({
  note: 'Budget approved',
  note_html: '<body><p><strong>Budget</strong> approved</p></body>',
  outcome_id: null,
});

describe('callChanges', () => {
  it('nothing changed: an empty change', () => {
    expect(callChanges(plain, 'Left a voicemail.', outcomeId(1))).toEqual({});
    expect(callChanges(rich, '**Budget** approved', null)).toEqual({});
    expect(callChanges(makeCall({ outcome_id: undefined, note: null, note_html: null }), '', null)).toEqual({});
    expect(hasChanges(callChanges(plain, 'Left a voicemail.', outcomeId(1)))).toBe(false);
  });

  it('an outcome-only change is exactly { outcome_id }', () => {
    expect(callChanges(plain, 'Left a voicemail.', outcomeId(2))).toEqual({ outcome_id: outcomeId(2) });
    expect(callChanges(rich, '**Budget** approved', outcomeId(3))).toEqual({ outcome_id: outcomeId(3) });
  });

  it('clearing the outcome is { outcome_id: null }', () => {
    const change = callChanges(plain, 'Left a voicemail.', null);
    expect(change).toEqual({ outcome_id: null });
    expect(JSON.stringify(change)).toBe('{"outcome_id":null}');
  });

  it('a note-only change leaves the outcome out', () => {
    expect(callChanges(plain, 'Left a voicemail. Call back Monday.', outcomeId(1))).toEqual({
      note: 'Left a voicemail. Call back Monday.',
    });
  });

  it('note and outcome together; a rich note goes as note_html', () => {
    const change = callChanges(rich, '**Budget** approved\nSigned', outcomeId(4));
    expect(change).toEqual({
      note_html: '<body><p><strong>Budget</strong> approved</p><p>Signed</p></body>',
      outcome_id: outcomeId(4),
    });
    expect(hasChanges(change)).toBe(true);
  });

  it('never carries any other field of the call', () => {
    const withRecording = { ...plain, recording_url: 'https://rec.example/x.mp3' } as typeof plain;
    const change = callChanges(withRecording, 'edited', null);
    expect(Object.keys(change).sort()).toEqual(['note', 'outcome_id']);
  });
});
