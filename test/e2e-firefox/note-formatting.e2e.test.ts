// Issue 12 in Firefox: the Note box is a ProseMirror editor in the panel's shadow root (Firefox
// needs prosemirror-view >= 1.33.10 for that): typing, selection across marks, undo, the list
// buttons, a mention and a table kept through an edit, a plain note with markers sent as exact
// `note`, "/" templates. Keys go through WebDriver BiDi's input actions (trusted events). BiDi
// has no IME API: CJK text is typed as key actions (no composition events), see the IME test.
// Paste: the page fills Firefox's own clipboard (BiDi runs the script with user activation, which
// navigator.clipboard.write needs) and a BiDi Ctrl+V makes Firefox itself fire the trusted paste.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startFirefoxHarness, type FirefoxHarness } from './harness';
import type { KeyInput, Page } from 'puppeteer-core';
import { PANEL, click, count, find, textOf } from './ui';
import { unsafeHtmlViolations } from '../fixtures/safe-html';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

const puts = () => apiRequests(harness.standIn, 'PUT') as { body: unknown }[];
const inPanel = (selector: string) => `close-quick-edit >>> ${selector}`;

const stored = (id: string) => harness.standIn.state.calls.get(id)!;
const BOX = inPanel('#quick-edit-note');
/** The box's lines as the rep sees them: one per paragraph or list item. */
const lines = async (page: Page) =>
  (await find(page, BOX)).evaluate((el) => [...el.querySelectorAll('p, h1, h2, li > p')].map((p) => p.textContent));
const html = async (page: Page, selector: string) => (await find(page, BOX)).evaluate((el, s) => [...el.querySelectorAll(s)].map((e) => e.textContent), selector);
const chord = async (page: Page, ...keys: KeyInput[]) => {
  for (const key of keys) await page.keyboard.down(key);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
};
/** Empties the box the way a rep would: select all, delete. */
async function clear(page: Page) {
  await (await find(page, BOX)).focus();
  await chord(page, 'Control', 'a');
  await page.keyboard.press('Backspace');
}
/** Selects `text` (its first occurrence, across formatting), as a rep would with the mouse. */
async function select(page: Page, text: string) {
  await (await find(page, BOX)).evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = nodes.map((n) => n.data).join('').indexOf(t);
    if (at < 0) throw new Error(`"${t}" is not in the note`);
    const point = (offset: number, end: boolean) => {
      let seen = 0;
      for (const n of nodes) {
        if (offset < seen + n.data.length || (end && offset === seen + n.data.length)) return [n, offset - seen] as const;
        seen += n.data.length;
      }
      throw new Error('offset out of range');
    };
    const [a, ao] = point(at, false);
    const [b, bo] = point(at + t.length, true);
    (el as HTMLElement).focus();
    document.getSelection()!.setBaseAndExtent(a, ao, b, bo);
  }, text);
  await new Promise((resolve) => setTimeout(resolve, 100)); // selectionchange reaches ProseMirror
}

test('typing, Ctrl+B across marks, Ctrl+Z, the list buttons; Close gets exactly that HTML', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await expect.poll(() => lines(page)).toEqual(DEMO.calls.globexPlainNote.note!.split('\n'));
  await clear(page);
  await page.keyboard.type('Budget approved today');
  await select(page, 'approved');
  await chord(page, 'Control', 'b');
  expect(await html(page, 'strong')).toEqual(['approved']);
  await select(page, 'get appr');
  await chord(page, 'Control', 'i');
  expect(await html(page, 'em')).toEqual(['get ', 'appr']);
  await chord(page, 'Control', 'z');
  expect(await html(page, 'em')).toEqual([]);
  await chord(page, 'Control', 'End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Send contract');
  await click(page, inPanel('button[aria-label="Bulleted list"]'));
  expect(await html(page, 'ul li')).toEqual(['Send contract']);
  await click(page, inPanel('button[aria-label="Numbered list"]'));
  expect(await html(page, 'ol li')).toEqual(['Send contract']);
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note_html: '<body><p>Budget <strong>approved</strong> today</p><ol><li><p>Send contract</p></li></ol></body>' }]);
  await page.close();
});

test('a plain note with markers stays plain: an edit sends exactly the text as `note`', async () => {
  const note = 'Call *me* back\n- not a list\n• nor this\n#1 \\ [x](y)';
  Object.assign(stored(DEMO.calls.globexPlainNote.id), { note, note_html: null });
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await expect.poll(() => lines(page)).toEqual(note.split('\n'));
  await (await find(page, BOX)).focus();
  await chord(page, 'Control', 'End');
  await page.keyboard.type(' ok');
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note: `${note} ok` }]);
  await page.close();
});

test('CJK text typed as key actions (BiDi has no IME composition) arrives once', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await clear(page);
  await page.keyboard.type('Tokyo: 東京');
  await expect.poll(() => lines(page)).toEqual(['Tokyo: 東京']);
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note: 'Tokyo: 東京' }]);
  await page.close();
});

test('a mention and a table are kept through an edit; every other block goes back as Close had it', async () => {
  const call = DEMO.calls.acmeRichNote;
  const mention = '<p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> to join.</p>';
  const table = '<table><tbody><tr><td>Units</td><td><strong>50</strong></td></tr></tbody></table>';
  Object.assign(stored(call.id), { note_html: `<body>${mention}${table}<p>Edit me</p></body>` });
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await click(page, PANEL.launcher);
  await expect.poll(() => html(page, '.mention')).toEqual(['@Road Runner']);
  expect(await html(page, '.note-opaque td')).toEqual(['Units', '50']);
  await select(page, 'Edit me');
  await page.keyboard.press('End');
  await page.keyboard.type(' <b>now</b>');
  await select(page, 'to join');
  await chord(page, 'Control', 'b');
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([
    {
      note_html:
        '<body><p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> <strong>to join</strong>.</p>' +
        `${table}<p>Edit me &lt;b&gt;now&lt;/b&gt;</p></body>`,
    },
  ]);
  await page.close();
});

/** Writes the templates where utils/settings.ts keeps them, from one of the add-on's pages. */
async function setTemplates(templates: unknown[]) {
  const page = await harness.openExtensionPage('popup.html');
  await page.evaluate(
    (value) =>
      (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({
        'settings.templates': value,
      }),
    templates,
  );
  await page.close();
}

test('no templates: a hint; with templates: "/" and Enter inserts one', async () => {
  await setTemplates([]);
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await clear(page);
  await page.keyboard.type('/');
  await expect.poll(() => textOf(page, inPanel('#quick-edit-templates-empty'))).toMatch(/No templates yet/);
  expect(await count(page, inPanel('#quick-edit-templates'))).toBe(0); // the template list (Outcome has its own)

  await setTemplates([{ id: 'fu', name: 'Follow up', body: 'Follow-up: send *pricing*' }]);
  await page.bringToFront();
  await clear(page);
  await page.keyboard.type('/fo');
  await expect.poll(() => count(page, inPanel('#quick-edit-templates [role=option]'))).toBe(1);
  await page.keyboard.press('Enter');
  // The template's text is text: its "*" are characters.
  await expect.poll(() => lines(page)).toEqual(['Follow-up: send *pricing*']);
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note: 'Follow-up: send *pricing*' }]);
  await page.close();
});

/** Puts one clipboard item (MIME type → text) on Firefox's own clipboard, as Word or a text editor would. */
const writeClipboard = (page: Page, items: Record<string, string>) =>
  page.evaluate(async (entries) => {
    const blobs = Object.fromEntries(Object.entries(entries).map(([type, text]) => [type, new Blob([text], { type })]));
    await navigator.clipboard.write([new ClipboardItem(blobs)]);
  }, items);

test('pasting Word HTML: clean formatting in the box and inert HTML on the wire; plain text pastes as text', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await expect.poll(() => lines(page)).toEqual(DEMO.calls.globexPlainNote.note!.split('\n'));
  await clear(page);
  await page.keyboard.type('Summary:');
  await page.keyboard.press('Enter');
  const word =
    '<meta charset="utf-8"><style>p{color:red}</style><!--StartFragment-->' +
    '<p class="MsoNormal" style="margin:0">Spoke with <b>Dana</b> and <span style="font-style:italic">Lee</span><o:p></o:p></p>' +
    '<ul><li>Budget <strong>approved</strong></li><li>Deck: <a href="https://example.com/deck">slides</a></li></ul>' +
    '<p>Bad <a href="javascript:alert(1)">link</a><img src="x" onerror="alert(1)"><script>alert(1)</script></p><!--EndFragment-->';
  await writeClipboard(page, { 'text/html': word, 'text/plain': 'plain fallback' });
  await chord(page, 'Control', 'v');
  await expect.poll(() => lines(page)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link']);
  // Word's classes and styles stay out of the box, as do its image and script.
  const box = await find(page, BOX);
  expect(await box.evaluate((el) => el.querySelectorAll('[class^="Mso"], [style], img:not(.ProseMirror-separator), script, o\\:p').length)).toBe(0);

  // Plain text pastes as it is: its markup is characters.
  await writeClipboard(page, { 'text/plain': ' **not** <b>html</b>' });
  await chord(page, 'Control', 'v');
  await expect.poll(() => lines(page)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link **not** <b>html</b>']);

  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  const sent = puts().map((p) => p.body) as { note_html: string }[];
  expect(sent).toEqual([
    {
      note_html:
        '<body><p>Summary:</p><p>Spoke with <strong>Dana</strong> and <em>Lee</em></p>' +
        '<ul><li><p>Budget <strong>approved</strong></p></li><li><p>Deck: <a href="https://example.com/deck">slides</a></p></li></ul>' +
        '<p>Bad link **not** &lt;b&gt;html&lt;/b&gt;</p></body>',
    },
  ]);
  expect(await page.evaluate(unsafeHtmlViolations, sent[0]!.note_html)).toEqual([]);
  await page.close();
});
