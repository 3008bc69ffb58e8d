// "Untouched means unchanged", where DOMPurify really sanitises (jsdom, the *.dom.test.ts project;
// it does nothing under happy-dom), on generated Close notes (test/fixtures/close-notes.ts).
// (a) and (b) are files of their own so they run side by side, each in a fresh jsdom: run one
// after the other in one file, (b) took three times as long (25 s alone, 79 s after (a)).
import fc from 'fast-check';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { LONG, RUNS, closeNote, textPositions, topLevel, typed } from '../test/fixtures/close-notes';
import { docOfNote, noteChangeFor, noteOfCall, noteOfDoc } from './note-content';
import { schema } from './note-editor/schema';
import { hasFormatting } from './note-html';

describe('untouched means unchanged (generated Close notes)', () => {
  it('(b) an edit inside one top-level block changes only that block; (c) what the rep typed is text', () => {
    fc.assert(
      fc.property(closeNote, fc.nat(), typed, (html, pick, words) => {
        const call = { note: '', note_html: html };
        const doc = docOfNote(noteOfCall(call));
        const places = textPositions(doc);
        fc.pre(places.length > 0 && hasFormatting(call));
        const place = places[pick % places.length]!;
        const edited = new Transform(doc).insert(place.pos, schema.text(words)).doc;
        const change = noteChangeFor(call, noteOfDoc(edited));
        expect(Object.keys(change)).toEqual(['note_html']);
        const before = topLevel(html);
        const after = topLevel(change.note_html!);
        expect(after.length).toBe(before.length);
        // The block index in the document is the top-level element's index (one block per element here).
        after.forEach((block, i) => {
          if (i === place.index) expect(block).not.toBe(before[i]);
          else expect(block).toBe(before[i]);
        });
        expect(change.note_html!.startsWith('<body>') && change.note_html!.endsWith('</body>')).toBe(true);
        // (c) What the rep typed is text: no element Close did not have (a typed "<b>" is &lt;b&gt;;
        // the edited block may merge two equal marks into one), and the words are there as text.
        const parse = (h: string) => {
          const template = document.createElement('template');
          template.innerHTML = h.replace(/^<body>|<\/body>$/g, '');
          return template.content;
        };
        const [was, is] = [parse(html), parse(change.note_html!)];
        const tags = (body: DocumentFragment) => new Set([...body.querySelectorAll('*')].map((el) => el.tagName));
        expect([...tags(is)].filter((tag) => !tags(was).has(tag))).toEqual([]);
        expect(is.querySelectorAll('*').length).toBeLessThanOrEqual(was.querySelectorAll('*').length);
        expect(is.textContent).toContain(words);
      }),
      RUNS,
    );
  }, LONG);
});
