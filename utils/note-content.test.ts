// @vitest-environment jsdom
// "Untouched means unchanged", where DOMPurify really sanitises (jsdom; it does nothing under
// happy-dom). Generated Close notes; the oracle for "the same HTML Close sent" is the browser's
// own parse of both strings, block by block (Close's normalisation: README), sharing no code
// with utils/note-editor/.
import fc from 'fast-check';
import { Transform } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
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
import { hasFormatting } from './note-html';

// A fixed seed, so a run is repeatable (as test/security/fuzz-handler.test.ts); FUZZ_SEED=random explores.
const SEED = process.env.FUZZ_SEED !== 'random' && { seed: Number(process.env.FUZZ_SEED ?? 20261124) };
const RUNS = { numRuns: 1000, ...SEED };
const LONG = 120_000;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text with the characters that mean something in HTML or in markup. */
const text = fc.stringMatching(/^[a-zA-Z0-9 *_\-#•\\[\]()<>&"'.]{1,12}$/).map(esc);

const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  run: fc.oneof(
    { maxDepth: 3 },
    { weight: 5, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom('<br>', '<br />', '<br/>') },
    { weight: 1, arbitrary: fc.constantFrom('<img src="https://example.com/a.png" alt="pic">', '<img src="https://example.com/b.png">') },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('user_1', 'user_2'), fc.constantFrom('Ann', 'Bo Li')).map(
        ([id, label]) => `<span data-type="mention" data-id="${id}" data-label="${label}" class="mention">@${label}</span>`,
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('strong', 'b', 'em', 'i', 'u', 's', 'code', 'span style="color: #958DF1"', 'span style="color: red"', 'a href="https://example.com/x"', 'a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow"', 'font color="red"', 'sup', 'span class="x"'),
          tie('run'),
        )
        .map(([open, inner]) => `<${open}>${inner}</${open.split(' ')[0]}>`),
    },
  ),
})).run;
const inlines = fc.array(inline, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));

const list = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('ul', 'ol'),
      fc.array(
        fc.tuple(inlines, depth > 0 ? fc.option(list(depth - 1), { nil: '' }) : fc.constant('')).map(([content, nested]) => `<li><p>${content}</p>${nested}</li>`),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([tag, items]) => `<${tag}>${items.join('')}</${tag}>`);

const block = fc.oneof(
  { weight: 6, arbitrary: inlines.map((content) => `<p>${content}</p>`) },
  { weight: 1, arbitrary: fc.constant('<p></p>') },
  { weight: 1, arbitrary: inlines.map((content) => `<h1>${content}</h1>`) },
  { weight: 2, arbitrary: list(2) },
  { weight: 1, arbitrary: fc.constant('<hr>') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<table><tbody><tr><td>a</td><td><strong>b</strong></td></tr></tbody></table>',
      '<blockquote><p>quoted</p></blockquote>',
      '<pre>  code\n  more</pre>',
      '<p class="lead">classed</p>',
      '<div><p>in a div</p></div>',
      '<h2>Sub</h2>',
    ),
  },
);
/** A Close note: blocks inside <body>, sometimes with whitespace between them. */
const closeNote = fc
  .array(fc.tuple(block, fc.constantFrom('', '', '\n')), { minLength: 1, maxLength: 6 })
  .map((blocks) => `<body>${blocks.map(([b, gap]) => b + gap).join('')}</body>`);

/** The top-level elements of an HTML body, each as the browser writes it (Close's normalisation). */
function topLevel(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html.replace(/^<body>|<\/body>$/g, '');
  return [...template.content.children].map((el) => el.outerHTML);
}

/** Positions of each top-level block's first text position, where an edit "inside" it goes. */
function textPositions(doc: Node): { index: number; pos: number }[] {
  const found: { index: number; pos: number }[] = [];
  doc.forEach((block, offset, index) => {
    if (block.isTextblock) return void found.push({ index, pos: offset + 1 });
    let at = -1;
    block.descendants((node, pos) => {
      if (at < 0 && node.isTextblock) at = offset + 1 + pos + 1;
      return at < 0;
    });
    if (at >= 0) found.push({ index, pos: at });
  });
  return found;
}

const typed = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n\u0000-\u001f]/.test(s) && s.trim() === s && s.length > 0);

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
