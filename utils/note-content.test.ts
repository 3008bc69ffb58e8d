// @vitest-environment jsdom
// The note content's rules, where DOMPurify really sanitises (jsdom; it does nothing under
// happy-dom). The generated-note properties (a) and (b) are in note-content.untouched.dom.test.ts
// and note-content.edited.dom.test.ts.
import fc from 'fast-check';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { LONG, RUNS, typed } from '../test/fixtures/close-notes';
import {
  appendedNote,
  docOfNote,
  noteChangeFor,
  noteFromLegacyDraft,
  noteOfCall,
  noteOfDoc,
  notePlainText,
  noteSize,
  readStoredNote,
  sameNote,
  storeNote,
} from './note-content';
import { schema } from './note-editor/schema';

const plainText = fc.array(fc.stringMatching(/^[ a-z*\-#•\\[\]()<>&_.]{0,14}$/), { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('plain notes stay plain', () => {
  it('shown as their exact text; untouched sends nothing; an edit sends `note` with exactly the text', () => {
    fc.assert(
      fc.property(plainText, typed, fc.nat(), (note, words, pick) => {
        const call = { note, note_html: null };
        const content = noteOfCall(call);
        expect(notePlainText(content)).toBe(note);
        expect(noteChangeFor(call, content)).toEqual({});
        const doc = docOfNote(content);
        const line = pick % doc.childCount;
        let pos = 0;
        for (let i = 0; i < line; i++) pos += doc.child(i).nodeSize;
        const edited = new Transform(doc).insert(pos + 1, schema.text(words)).doc;
        const lines = note.split('\n');
        lines[line] = words + lines[line];
        expect(noteChangeFor(call, noteOfDoc(edited))).toEqual({ note: lines.join('\n') });
      }),
      RUNS,
    );
  }, LONG);

  it('a note_html without formatting (Close’s <br /> for newlines) is its text, markers literal', () => {
    const call = { note: 'x', note_html: '<body>Call *me* back<br />- not a list<br /><br />#1 &amp; [x](y)</body>' };
    const content = noteOfCall(call);
    expect(notePlainText(content)).toBe('Call *me* back\n- not a list\n\n#1 & [x](y)');
    expect(noteChangeFor(call, content)).toEqual({});
    const doc = docOfNote(content);
    const edited = new Transform(doc).insert(doc.content.size - 1, schema.text('!')).doc;
    expect(noteChangeFor(call, noteOfDoc(edited))).toEqual({ note: 'Call *me* back\n- not a list\n\n#1 & [x](y)!' });
  });

  it('formatting added to a plain note sends note_html', () => {
    const call = { note: 'one\ntwo', note_html: null };
    const doc = docOfNote(noteOfCall(call));
    const edited = new Transform(doc).addMark(1, 4, schema.marks.strong.create()).doc;
    expect(noteChangeFor(call, noteOfDoc(edited))).toEqual({ note_html: '<body><p><strong>one</strong></p><p>two</p></body>' });
  });
});

describe('a rich note the rep empties of formatting stays rich', () => {
  it('is still sent as note_html', () => {
    const call = { note: 'Budget', note_html: '<body><p><strong>Budget</strong></p></body>' };
    const doc = docOfNote(noteOfCall(call));
    const edited = new Transform(doc).removeMark(0, doc.content.size).doc;
    expect(noteChangeFor(call, noteOfDoc(edited))).toEqual({ note_html: '<body><p>Budget</p></body>' });
  });
});

describe('bad input from Close', () => {
  const edit = (call: { note: string | null; note_html: string }) => {
    const doc = docOfNote(noteOfCall(call));
    const last = doc.content.size;
    // At the end of the last text block.
    let at = -1;
    doc.descendants((node, pos) => {
      if (node.isTextblock) at = pos + 1 + node.content.size;
    });
    return noteChangeFor(call, noteOfDoc(new Transform(doc).insert(at >= 0 ? at : last, schema.text(' ok')).doc));
  };

  it('scripts and handlers do not reach the editor, nor go back to Close; the untouched block goes back sanitised', () => {
    const first = '<p onclick="alert(1)">one<img src="https://example.com/x.png" onerror="alert(2)"></p><script>alert(3)</script>';
    const call = { note: '', note_html: `<body>${first}<p><strong>two</strong></p></body>` };
    const doc = docOfNote(noteOfCall(call));
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/onclick|onerror|alert/);
    const sent = edit(call).note_html!;
    expect(sent).toBe('<body><p>one<img src="https://example.com/x.png"></p><p><strong>two</strong> ok</p></body>');
  });

  it('javascript: links and CSS url() are not in the document', () => {
    const call = {
      note: '',
      note_html: '<body><p><a href="javascript:alert(1)">x</a> <span style="color: red; background: url(https://t.example/p.gif)">y</span></p><p><strong>z</strong></p></body>',
    };
    const json = JSON.stringify(docOfNote(noteOfCall(call)).toJSON());
    expect(json).not.toMatch(/javascript|url\(/i);
  });

  it('lists nested 50 deep open and keep every level', () => {
    let html = 'deep';
    for (let i = 0; i < 50; i++) html = `<ul><li><p>level ${50 - i}</p>${html === 'deep' ? '' : html}</li></ul>`;
    const call = { note: '', note_html: `<body>${html}<p><em>after</em></p></body>` };
    const doc = docOfNote(noteOfCall(call));
    let depth = 0;
    doc.descendants((node) => {
      if (node.type.name === 'bullet_list') depth++;
    });
    expect(depth).toBe(50);
    expect(edit(call).note_html).toContain(html);
  });

  it('1 MB of text opens, and a one-paragraph edit sends the rest as it was', () => {
    const paragraph = `<p>${'x'.repeat(99)} <strong>b</strong></p>`;
    const body = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const call = { note: '', note_html: `<body>${body}<p>last</p></body>` };
    expect(notePlainText(noteOfCall(call)).length).toBeGreaterThan(800_000);
    expect(edit(call).note_html).toBe(`<body>${body}<p>last ok</p></body>`);
  }, LONG);

  it('malformed HTML loses nothing: unclosed tags are read as the browser reads them', () => {
    const call = { note: '', note_html: '<body><p><strong>open <em>never closed<p>next</body>' };
    const content = noteOfCall(call);
    expect(notePlainText(content)).toBe('open never closed\nnext');
    expect(noteChangeFor(call, content)).toEqual({});
  });
});

describe('the session’s functions', () => {
  const theirs = { note: '', note_html: '<body><p><strong>Theirs</strong></p></body>' };
  const original = { note: '', note_html: '<body><p><em>Start</em></p></body>' };

  it('Append mine: the rep’s added blocks after theirs, theirs kept as Close has it', () => {
    const start = docOfNote(noteOfCall(original));
    const mine = start.copy(start.content.addToEnd(schema.node('paragraph', null, [schema.text('added')])));
    const appended = appendedNote(theirs, noteOfDoc(mine), original);
    expect(noteChangeFor(theirs, appended)).toEqual({ note_html: '<body><p><strong>Theirs</strong></p><p>added</p></body>' });
    // Mine rewritten from the start: all of mine follows theirs.
    const rewritten = noteFromLegacyDraft('other');
    expect(notePlainText(appendedNote(theirs, rewritten, original))).toBe('Theirs\nother');
    // Nothing added: theirs.
    expect(sameNote(appendedNote(theirs, noteOfCall(original), original), noteOfCall(theirs))).toBe(true);
  });

  it('drafts: the old { text } shape still reads; unknown shapes are not guessed at', () => {
    expect(notePlainText(readStoredNote({ text: 'old **draft**' })!)).toBe('old **draft**');
    expect(readStoredNote({ html: '<p>x</p>' })).toBeUndefined();
    expect(readStoredNote('text')).toBeUndefined();
    const rich = readStoredNote({ html: '<p><strong>a</strong>  b</p>', rich: true })!;
    expect(storeNote(rich)).toEqual({ html: '<p><strong>a</strong>  b</p>', rich: true });
  });

  it('noteSize counts what would be sent', () => {
    expect(noteSize(noteFromLegacyDraft('abc\nd'))).toBe(5);
    expect(noteSize(noteOfCall({ note: '', note_html: '<body><p><b>a</b></p></body>' }))).toBe('<body><p><b>a</b></p></body>'.length);
  });
});
