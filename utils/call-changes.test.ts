// @vitest-environment jsdom
// (DOMPurify reads the notes: it sanitises under jsdom, not happy-dom.)
import { describe, expect, it } from 'vitest';
import { callChanges, hasChanges } from './call-changes';
import { makeCall, outcomeId } from '../test/unit/helpers';
import { docOfNote, noteFromLegacyDraft, noteOfCall, noteOfDoc } from './note-content';
import { schema } from './note-editor/schema';

// Issue 12: the note is the editor's content; `typed` is a plain Note box holding that text.
const typed = noteFromLegacyDraft;

const plain = makeCall({ note: 'Left a voicemail.', note_html: '<body><p>Left a voicemail.</p></body>', outcome_id: outcomeId(1) });
const rich = makeCall({
  note: 'Budget approved',
  note_html: '<body><p><strong>Budget</strong> approved</p></body>',
  outcome_id: null,
});

describe('callChanges', () => {
  it('nothing changed: an empty change', () => {
    expect(callChanges(plain, typed('Left a voicemail.'), outcomeId(1))).toEqual({});
    expect(callChanges(rich, noteOfCall(rich), null)).toEqual({});
    expect(callChanges(makeCall({ outcome_id: undefined, note: null, note_html: null }), typed(''), null)).toEqual({});
    expect(hasChanges(callChanges(plain, typed('Left a voicemail.'), outcomeId(1)))).toBe(false);
  });

  it('an outcome-only change is exactly { outcome_id }', () => {
    expect(callChanges(plain, typed('Left a voicemail.'), outcomeId(2))).toEqual({ outcome_id: outcomeId(2) });
    expect(callChanges(rich, noteOfCall(rich), outcomeId(3))).toEqual({ outcome_id: outcomeId(3) });
  });

  it('clearing the outcome is { outcome_id: null }', () => {
    const change = callChanges(plain, typed('Left a voicemail.'), null);
    expect(change).toEqual({ outcome_id: null });
    expect(JSON.stringify(change)).toBe('{"outcome_id":null}');
  });

  it('a note-only change leaves the outcome out', () => {
    expect(callChanges(plain, typed('Left a voicemail. Call back Monday.'), outcomeId(1))).toEqual({
      note: 'Left a voicemail. Call back Monday.',
    });
  });

  it('note and outcome together; a rich note goes as note_html', () => {
    const doc = docOfNote(noteOfCall(rich));
    const signed = noteOfDoc(doc.copy(doc.content.addToEnd(schema.node('paragraph', null, [schema.text('Signed')]))));
    const change = callChanges(rich, signed, outcomeId(4));
    expect(change).toEqual({
      note_html: '<body><p><strong>Budget</strong> approved</p><p>Signed</p></body>',
      outcome_id: outcomeId(4),
    });
    expect(hasChanges(change)).toBe(true);
  });

  it('never carries any other field of the call', () => {
    const withRecording = { ...plain, recording_url: 'https://rec.example/x.mp3' } as typeof plain;
    const change = callChanges(withRecording, typed('edited'), null);
    expect(Object.keys(change).sort()).toEqual(['note', 'outcome_id']);
  });
});
