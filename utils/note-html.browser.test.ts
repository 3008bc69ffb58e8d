// @vitest-environment node
// note-html.ts in a real Chromium (test/unit/note-html-page.ts says why).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSubsetViolations } from '../test/security/close-subset';
import { CHROME, noteHtmlPage } from '../test/unit/note-html-page';

const MENTION =
  '<span data-type="mention" data-id="user_0123456789abcdefghij" data-label="Dana" class="mention">@Dana</span>';

describe.skipIf(!CHROME)('note-html.ts in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await noteHtmlPage());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Calls one of note-html's exports inside the page. */
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([fn, fnArgs]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).noteHtml![fn as string]!(...(fnArgs as unknown[])),
      [name, args] as const,
    ) as Promise<T>;
  const sanitized = (html: string) => call<string>('htmlOf', html);

  it('drops scripts, event handlers and javascript: links, keeps https links', async () => {
    const html = await sanitized(
      '<body><p onclick="steal()">Hi<script>alert(1)</script><img src="x" onerror="alert(1)">' +
        '<a href="javascript:alert(1)">link</a><a href=" JaVaScRiPt:alert(1)">two</a><a href="https://close.com/">ok</a></p></body>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|alert/i);
    expect(html).toContain('<a href="https://close.com/">ok</a>');
    expect(html).toContain('Hi');
  });

  it('drops tags outside Close\'s subset, keeping their text', async () => {
    const html = await sanitized('<body><p><iframe src="https://evil.example/"></iframe><div>in a div</div><style>p{}</style></p></body>');
    expect(html).not.toMatch(/iframe|<div|<style/);
    expect(html).toContain('in a div');
  });

  it('keeps colour styles only, and classes only as the mention marker', async () => {
    const html = await sanitized(
      '<body><p><span style="color: #ff0000">red</span><span style="position: fixed; inset: 0">cover</span>' +
        '<span style="color: red; background: url(https://evil.example/)">bg</span><span class="evil">c</span></p></body>',
    );
    expect(html).toContain('<span style="color: #ff0000">red</span>');
    expect(html).not.toMatch(/position|background|evil/);
  });

  it('keeps Close\'s mention spans whole, but no other data- attributes', async () => {
    expect(await sanitized(`<body><p>${MENTION}</p></body>`)).toBe(`<p>${MENTION}</p>`);
    expect(await sanitized('<body><p><span data-foo="x">y</span></p></body>')).toBe('<p><span>y</span></p>');
  });

  it('keeps the rest of Close\'s rich-text subset', async () => {
    const subset = '<h1>T</h1><p><em>e</em> <i>i</i> <b>b</b> <u>u</u> <s>s</s> <code>c</code><br></p><hr><ul><li>x</li></ul>';
    expect(await sanitized(`<body>${subset}</body>`)).toBe(subset);
  });

  it('reads Close\'s rendering of a plain note (text first, <br /> for newlines)', async () => {
    expect(await call('noteText', { note: 'A & B\nC', note_html: '<body>A &amp; B<br />C</body>' })).toBe('A & B\nC');
  });

  it('appending to a note with a mention keeps the mention', async () => {
    const change = await call('noteChange', { note: '', note_html: `<body><p>Ask ${MENTION} for pricing</p></body>` }, 'Ask @Dana for pricing\nDone');
    expect(change).toEqual({ note_html: `<body><p>Ask ${MENTION} for pricing</p><p>Done</p></body>` });
  });

  it('a rich note is resent without the dangerous markup it came with', async () => {
    const change = await call(
      'noteChange',
      { note: '', note_html: '<body><p><strong>Keep</strong><img src=x onerror=alert(1)></p><script>alert(1)</script></body>' },
      '**Keep**\nAdded',
    );
    expect(change).toEqual({ note_html: '<body><p><strong>Keep</strong><img></p><p>Added</p></body>' });
  });

  it('what the rep typed comes back as text, never as elements', async () => {
    const typed = '<script>alert(1)</script> <img src=x onerror=alert(1)> Tom &amp; Jerry';
    const { note_html } = await call<{ note_html: string }>('noteChange', { note: '', note_html: '<body><p><b>Rich</b></p></body>' }, `**Rich**\n${typed}`);
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { dangerous: doc.querySelectorAll('script, img, [onerror]').length, last: doc.body.lastElementChild?.textContent };
    }, note_html);
    expect(parsed).toEqual({ dangerous: 0, last: typed });
    expect(note_html.startsWith('<body><p><b>Rich</b></p><p>')).toBe(true);
  });

  // Issue 4: markup in the Note box, and pasting.
  it('an edited paragraph gets markup; h1, colours, mentions, u, s, code, img elsewhere stay as they were', async () => {
    const html =
      `<body><h1>Call</h1><p><span style="color: #ff0000">red</span> and ${MENTION}</p><p>make this bold</p>` +
      '<p><u>u</u> <s>s</s> <code>c</code><img src="https://close.com/x.png"></p><hr></body>';
    const call_ = { note: '', note_html: html };
    const shown = await call<string>('noteText', call_);
    expect(shown).toBe('Call\nred and @Dana\nmake this bold\nu s c\n---');
    expect(await call('noteChange', call_, shown)).toEqual({});
    const change = await call<{ note_html: string }>('noteChange', call_, shown.replace('make this bold', 'make *this* **bold**'));
    expect(change.note_html).toBe(html.replace('<p>make this bold</p>', '<p>make <em>this</em> <strong>bold</strong></p>').replace('<hr>', '<hr>'));
    expect(await page.evaluate(closeSubsetViolations, change.note_html)).toEqual([]);
  });

  it('an edited paragraph keeps the mention and colour it still starts and ends with', async () => {
    const html = `<body><p><span style="color: #ff0000">Red</span>: ask ${MENTION}</p></body>`;
    const change = await call<{ note_html: string }>('noteChange', { note: '', note_html: html }, 'Red: **please** ask @Dana');
    expect(change.note_html).toBe(`<body><p><span style="color: #ff0000">Red</span>: <strong>please</strong> ask ${MENTION}</p></body>`);
    expect(await page.evaluate(closeSubsetViolations, change.note_html)).toEqual([]);
  });

  it('markup never makes more than <strong>, <em>, <ul><li>, <a href>: typed tags stay text', async () => {
    const typed = '**<img src=x onerror=alert(1)>** *<script>alert(1)</script>* [x](javascript:alert(1)) [ok](https://close.com/"onmouseover="alert(1))';
    const { note_html } = await call<{ note_html: string }>('noteChange', { note: 'x', note_html: null }, `• ${typed}`);
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { tags: [...doc.body.querySelectorAll('*')].map((e) => e.tagName), text: doc.body.textContent };
    }, note_html);
    expect(parsed.tags).toEqual(['UL', 'LI', 'STRONG', 'EM']);
    expect(parsed.text).toBe('<img src=x onerror=alert(1)> <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://close.com/"onmouseover="alert(1))');
    expect(await page.evaluate(closeSubsetViolations, note_html)).toEqual([]);
  });

  it('paste: scripts, handlers, styles and javascript: links are gone; structure is kept', async () => {
    const markup = await call<string>(
      'pastedMarkup',
      '<meta charset="utf-8"><style>b{}</style><script>alert(1)</script><p onclick="x()">Hi <b>there</b>' +
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">js</a> <a href="https://close.com/">ok</a></p>' +
        '<!-- a comment --><svg><text>svg text</text></svg><ul><li>one</li></ul>',
    );
    expect(markup).toBe('Hi **there**js [ok](https://close.com/)\n• one');
  });

  it('paste from Word and Google Docs comes out as clean markup', async () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">' +
      '<style>p.MsoNormal{margin:0cm}</style></head><body lang=EN-GB><!--StartFragment-->' +
      '<p class=MsoNormal>Spoke with <b><span style="font-family:Calibri">Dana</span></b><o:p></o:p></p>' +
      '<p class=MsoListParagraphCxSpFirst style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><!--[if !supportLists]-->' +
      '<span style="font-family:Symbol;mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp; </span></span><!--[endif]-->Budget<o:p></o:p></p>' +
      '<p class=MsoNormal><span style="font-style:italic">Next</span>: contract<o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>';
    expect(await call('pastedMarkup', word)).toBe('Spoke with **Dana**\n• Budget\n*Next*: contract');
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:400;">Spoke with </span>' +
      '<span style="font-weight:700;">Dana</span><span style="font-weight:400;font-style:italic;"> today</span></p>' +
      '<ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Budget</span></p></li></ul></b>';
    expect(await call('pastedMarkup', docs)).toBe('Spoke with **Dana** *today*\n• Budget');
  });

  it('sanitising a paste leaves the note sanitiser as strict as before', async () => {
    await call('pastedMarkup', '<p style="font-weight:bold">x</p>');
    expect(await sanitized('<body><p><span style="font-weight:bold">b</span><span class="evil">c</span></p></body>')).toBe('<p><span>b</span><span>c</span></p>');
  });
});
