import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, hasFormatting, noteChange, noteText } from './note-html';

const RICH =
  '<body><p>Spoke with <strong>Dana</strong> about renewal.</p>' +
  '<ul><li>Budget approved</li><li>Needs <em>legal</em> review</li></ul>' +
  '<p>Next: send contract</p></body>';
const RICH_TEXT = 'Spoke with **Dana** about renewal.\n• Budget approved\n• Needs *legal* review\nNext: send contract';
const rich = { note: 'ignored: note_html wins', note_html: RICH };

// What the sanitiser drops and keeps is tested in a real browser: note-html.browser.test.ts.

describe('noteText', () => {
  it('shows a plain note as it is', () => {
    expect(noteText({ note: 'Left a voicemail.\nCall back Monday.', note_html: null })).toBe(
      'Left a voicemail.\nCall back Monday.',
    );
    expect(noteText({ note: null, note_html: null })).toBe('');
    expect(noteText({ note: undefined, note_html: '  ' })).toBe('');
  });

  it('shows a rich note as lines with markup: one per paragraph, bullets for list items, ** and * for bold and italic', () => {
    expect(noteText(rich)).toBe(RICH_TEXT);
  });

  it('reads paragraphs with line breaks, and an empty note', () => {
    expect(noteText({ note: 'x', note_html: '<body><p>A &amp; B<br>C</p><p>D</p></body>' })).toBe('A & B\nC\nD');
    expect(noteText({ note: '', note_html: '<body><p></p></body>' })).toBe('');
  });
});

describe('hasFormatting', () => {
  it('is true for bold, lists and mentions, false for paragraphs and line breaks', () => {
    expect(hasFormatting(rich)).toBe(true);
    expect(hasFormatting({ note_html: '<body><p>a<br>b</p><p>c</p></body>' })).toBe(false);
    expect(hasFormatting({ note_html: null })).toBe(false);
  });
});

describe('noteChange', () => {
  it('sends nothing when the text is what was loaded', () => {
    expect(noteChange(rich, RICH_TEXT)).toEqual({});
    expect(noteChange({ note: 'hello', note_html: '<body><p>hello</p></body>' }, 'hello')).toEqual({});
    expect(noteChange({ note: null, note_html: null }, '')).toEqual({});
  });

  it('sends an edited plain note as `note`', () => {
    expect(noteChange({ note: 'hello', note_html: '<body><p>hello</p></body>' }, 'hello world')).toEqual({
      note: 'hello world',
    });
    expect(noteChange({ note: null, note_html: null }, 'first note')).toEqual({ note: 'first note' });
    expect(noteChange({ note: 'a\nb', note_html: '<body><p>a<br />b</p></body>' }, 'a\nb\nc')).toEqual({ note: 'a\nb\nc' });
  });

  it('appending to a rich note keeps its markup and adds a paragraph', () => {
    const change = noteChange(rich, `${RICH_TEXT}\nCalled back, no answer`);
    expect(change).not.toHaveProperty('note');
    expect(change.note_html).toBe(
      '<body><p>Spoke with <strong>Dana</strong> about renewal.</p>' +
        '<ul><li>Budget approved</li><li>Needs <em>legal</em> review</li></ul>' +
        '<p>Next: send contract</p><p>Called back, no answer</p></body>',
    );
  });

  it('an edit in the middle paragraph keeps the formatting of the others', () => {
    const text = 'First <b>bold</b>|Middle plain|Last <u>underlined</u> <s>struck</s>';
    const html = `<body>${text
      .split('|')
      .map((p) => `<p>${p}</p>`)
      .join('')}</body>`;
    const change = noteChange({ note: '', note_html: html }, 'First **bold**\nMiddle plain, edited\nLast underlined struck');
    expect(change.note_html).toBe(
      '<body><p>First <b>bold</b></p><p>Middle plain, edited</p><p>Last <u>underlined</u> <s>struck</s></p></body>',
    );
  });

  it('prepending keeps everything after', () => {
    expect(noteChange(rich, `URGENT\n${RICH_TEXT}`).note_html).toBe(
      `<body><p>URGENT</p>${RICH.slice('<body>'.length)}`,
    );
  });

  it('deleting a paragraph keeps the others as they were', () => {
    const change = noteChange(rich, 'Spoke with **Dana** about renewal.\nNext: send contract');
    expect(change.note_html).toBe(
      '<body><p>Spoke with <strong>Dana</strong> about renewal.</p><p>Next: send contract</p></body>',
    );
    const last = noteChange(rich, 'Spoke with **Dana** about renewal.\n• Budget approved\n• Needs *legal* review');
    expect(last.note_html).toBe(
      '<body><p>Spoke with <strong>Dana</strong> about renewal.</p><ul><li>Budget approved</li><li>Needs <em>legal</em> review</li></ul></body>',
    );
  });

  it('clearing a rich note leaves one empty paragraph', () => {
    expect(noteChange(rich, '')).toEqual({ note_html: '<body><p></p></body>' });
  });

  it('a rich note keeps a mention the rep did not touch', () => {
    const mention =
      '<span data-type="mention" data-id="user_0123456789abcdefghij" data-label="Dana" class="mention">@Dana</span>';
    const change = noteChange({ note: '', note_html: `<body><p>Ask ${mention} for pricing</p></body>` }, 'Ask @Dana for pricing\nDone');
    expect(change.note_html).toBe(`<body><p>Ask ${mention} for pricing</p><p>Done</p></body>`);
  });

  it('escapes what the rep typed: it is text, never markup', () => {
    const typed = '<script>alert(1)</script> <img src=x onerror=alert(1)> Tom &amp; Jerry "quoted" \'single\'';
    const change = noteChange(rich, `${RICH_TEXT}\n${typed}`);
    const html = change.note_html!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain('<strong>Dana</strong>'); // the note's own markup is still there
    // and it reads back as exactly what the rep typed
    const parsed = document.createElement('div');
    parsed.innerHTML = html.replace(/^<body>|<\/body>$/g, '');
    expect(parsed.lastElementChild?.tagName).toBe('P');
    expect(parsed.lastElementChild?.textContent).toBe(typed);
    expect(parsed.querySelectorAll('script, img')).toHaveLength(0);
  });

  it('a plain note is sent as typed: Close escapes `note` itself', () => {
    expect(noteChange({ note: 'a', note_html: null }, '<b>a</b>')).toEqual({ note: '<b>a</b>' });
  });
});

describe('noteChange with markup (issue 4)', () => {
  it('a plain note the rep formats is sent as note_html in Close\'s subset', () => {
    expect(noteChange({ note: 'Left a voicemail', note_html: null }, 'Left a **voicemail**\n• call back *Monday*')).toEqual({
      note_html: '<body><p>Left a <strong>voicemail</strong></p><ul><li>call back <em>Monday</em></li></ul></body>',
    });
    expect(noteChange({ note: null, note_html: '<body><p>x</p></body>' }, 'x\n- one\n- two')).toEqual({
      note_html: '<body><p>x</p><ul><li>one</li><li>two</li></ul></body>',
    });
  });

  it('plain text stays `note`, stars that are not markup included', () => {
    expect(noteChange({ note: 'a', note_html: null }, '5 * 3 = 15, snake_case')).toEqual({ note: '5 * 3 = 15, snake_case' });
  });

  it('b and i show as ** and *, and open-and-save sends nothing', () => {
    const call = { note: '', note_html: '<body><p><b>Bold</b> and <i>it</i> <strong><em>both</em></strong></p><p>Title</p></body>' };
    expect(noteText(call)).toBe('**Bold** and *it* ***both***\nTitle');
    expect(noteChange(call, noteText(call))).toEqual({});
  });

  it('a note from Close with a star in it shows it escaped only where it would read as markup', () => {
    const call = { note: '', note_html: '<body><p><b>Total</b>: 5 * 3</p><p>a*b*c</p></body>' };
    expect(noteText(call)).toBe('**Total**: 5 * 3\na\\*b\\*c');
    expect(noteChange(call, `${noteText(call)}\nmore`).note_html).toBe('<body><p><b>Total</b>: 5 * 3</p><p>a*b*c</p><p>more</p></body>');
    // Edited, the escaped line is still the same text.
    expect(noteChange(call, '**Total**: 5 * 3\na\\*b\\*c!').note_html).toBe('<body><p><b>Total</b>: 5 * 3</p><p>a*b*c!</p></body>');
  });

  it('formatting a paragraph of a rich note changes that paragraph only', () => {
    const html =
      '<body><p><s>Call</s></p><p><span style="color: #ff0000">red</span> stays</p><p>make this bold</p><p><u>under</u> <code>c</code></p></body>';
    const call = { note: '', note_html: html };
    expect(noteText(call)).toBe('Call\nred stays\nmake this bold\nunder c');
    expect(noteChange(call, 'Call\nred stays\nmake this **bold**\nunder c').note_html).toBe(
      '<body><p><s>Call</s></p><p><span style="color: #ff0000">red</span> stays</p><p>make this <strong>bold</strong></p><p><u>under</u> <code>c</code></p></body>',
    );
  });

  it('an item added after a list joins it; the list\'s own items keep their HTML', () => {
    expect(noteChange(rich, RICH_TEXT.replace('review', 'review\n• Send *contract*')).note_html).toBe(
      '<body><p>Spoke with <strong>Dana</strong> about renewal.</p>' +
        '<ul><li>Budget approved</li><li>Needs <em>legal</em> review</li><li>Send <em>contract</em></li></ul>' +
        '<p>Next: send contract</p></body>',
    );
  });

  it('taking the bold off a word is an edit of that paragraph', () => {
    expect(noteChange(rich, RICH_TEXT.replace('**Dana**', 'Dana')).note_html).toBe(RICH.replace('<strong>Dana</strong>', 'Dana'));
  });

  it('markup the rep typed is escaped text inside the tags it makes', () => {
    expect(noteChange(rich, `${RICH_TEXT}\n**<img src=x onerror=alert(1)>** [x](javascript:alert(1))`).note_html).toContain(
      '<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong> [x](javascript:alert(1))</p>',
    );
  });
});

describe('noteChange: one paragraph edited keeps its untouched ends (a mention, a colour)', () => {
  const MENTION =
    '<span data-type="mention" data-id="user_0123456789abcdefghij" data-label="Dana" class="mention">@Dana</span>';
  const one = (html: string, line: string) => noteChange({ note: '', note_html: `<body><p>x</p>${html}</body>` }, `x\n${line}`).note_html;

  it('text added at the end of a paragraph with a mention keeps the mention', () => {
    expect(one(`<p>Ask ${MENTION} for pricing</p>`, 'Ask @Dana for pricing today')).toBe(
      `<body><p>x</p><p>Ask ${MENTION} for pricing today</p></body>`,
    );
  });

  it('an edit in the middle keeps what is before and after it', () => {
    expect(one('<p><u>u</u> middle <s>s</s></p>', 'u changed s')).toBe('<body><p>x</p><p><u>u</u> changed <s>s</s></p></body>');
    expect(one('<p><span style="color: #ff0000">red</span> plain</p>', 'red **plain**')).toBe(
      '<body><p>x</p><p><span style="color: #ff0000">red</span> <strong>plain</strong></p></body>',
    );
  });

  it('what the rep deleted goes; a change of meaning rebuilds the paragraph from the markup', () => {
    expect(one(`<p>Ask ${MENTION} for pricing</p>`, 'Ask for pricing')).toBe('<body><p>x</p><p>Ask for pricing</p></body>');
    // "a *" kept as text and "b*" after it would not be the italic b the rep typed.
    expect(one('<p><u>u</u>a *</p>', 'ua *b*')).toBe('<body><p>x</p><p>ua <em>b</em></p></body>');
  });

  it('what the rep typed between kept pieces is escaped', () => {
    expect(one(`<p>Ask ${MENTION}</p>`, 'Ask <img src=x onerror=alert(1)> @Dana')).toBe(
      `<body><p>x</p><p>Ask &lt;img src=x onerror=alert(1)&gt; ${MENTION}</p></body>`,
    );
  });
});

describe('noteChange, fuzzed: whatever the rep does to a rich note', () => {
  const MENTION = '<span data-type="mention" data-id="user_0123456789abcdefghij" data-label="Dana" class="mention">@Dana</span>';
  const NOTES = [
    RICH,
    `<body><p><span style="color: #ff0000">Red</span> ask ${MENTION} *</p><h1>T_i_tle</h1><p><u>u</u> a*b</p></body>`,
    '<body><p>one</p><ul><li><b>x</b></li></ul></body>',
  ];
  const piece = fc.constantFrom('a', ' ', '\n', '*', '**', '_', '\\', '[x](https://a.example)', '• ', '- ', '<img src=x onerror=alert(1)>', '<script>', '@Dana', 'Red', '&amp;');
  const SEED = process.env.FUZZ_SEED !== 'random' && { seed: Number(process.env.FUZZ_SEED ?? 20261124) };

  it('sends only Close\'s subset; what the rep typed never becomes an element', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOTES), fc.nat(), fc.nat(), fc.array(piece, { maxLength: 8 }), (html, a, b, typed) => {
        const call = { note: '', note_html: html };
        const shown = noteText(call);
        const from = a % (shown.length + 1);
        const to = from + (b % (shown.length - from + 1));
        const edited = shown.slice(0, from) + typed.join('') + shown.slice(to);
        const change = noteChange(call, edited);
        if (edited === shown) {
          expect(change).toEqual({});
          return;
        }
        const out = change.note_html ?? '';
        const holder = document.createElement('div');
        holder.innerHTML = out.replace(/^<body>|<\/body>$/g, '');
        const tags = new Set([...holder.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()));
        for (const tag of tags) expect(['p', 'h1', 'ul', 'li', 'strong', 'em', 'b', 'u', 'span', 'a']).toContain(tag); // the notes' and ours
        expect(holder.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
        for (const a of holder.querySelectorAll('a')) expect(a.getAttribute('href')).toBe('https://a.example');
      }),
      { numRuns: 1000, ...SEED },
    );
  });
});

describe('escapeHtml', () => {
  it('turns any text into markup that reads back as that text, in content and in attributes', () => {
    const text = `<a href="x" onclick='y'>&amp; & </a>`;
    const escaped = escapeHtml(text);
    expect(escaped).not.toMatch(/[<>"']/);
    const holder = document.createElement('div');
    holder.innerHTML = `<p title="${escaped}">${escaped}</p>`;
    expect(holder.querySelectorAll('a')).toHaveLength(0);
    expect(holder.firstElementChild?.textContent).toBe(text);
    expect(holder.firstElementChild?.getAttribute('title')).toBe(text);
  });
});
