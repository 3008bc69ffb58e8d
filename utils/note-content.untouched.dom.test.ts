// "Untouched means unchanged", where DOMPurify really sanitises (jsdom, the *.dom.test.ts project;
// it does nothing under happy-dom), on generated Close notes (test/fixtures/close-notes.ts).
// (a) and (b) are files of their own so they run side by side, each in a fresh jsdom: run one
// after the other in one file, (b) took three times as long (25 s alone, 79 s after (a)).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG, RUNS, closeNote } from '../test/fixtures/close-notes';
import { docOfNote, noteChangeFor, noteOfCall, noteOfDoc, readStoredNote, storeNote } from './note-content';
import { schema } from './note-editor/schema';

describe('untouched means unchanged (generated Close notes)', () => {
  it('(a) opened and saved without a change: nothing is sent, also after a draft round trip', () => {
    fc.assert(
      fc.property(closeNote, (html) => {
        const call = { note: 'plain rendering', note_html: html };
        const content = noteOfCall(call);
        expect(noteChangeFor(call, content)).toEqual({});
        const stored = JSON.parse(JSON.stringify(storeNote(content)));
        expect(noteChangeFor(call, readStoredNote(stored)!)).toEqual({});
        // A document rebuilt node by node (as the view does) is still the same note.
        expect(noteChangeFor(call, noteOfDoc(schema.nodeFromJSON(docOfNote(content).toJSON())))).toEqual({});
      }),
      RUNS,
    );
  }, LONG);
});
