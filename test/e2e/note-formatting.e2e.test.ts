// Issue 12: the Note box is a rich-text editor (ProseMirror) in the panel's shadow root, in real
// Chromium against the production build: typing, selection across marks, IME composition,
// paste, undo, buttons and shortcuts, and what Close receives, checked on the wire.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { unsafeHtmlViolations } from '../fixtures/safe-html';
import { APP, apiRequests, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
  await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

type Put = { path: string; body: Record<string, unknown> };
const puts = () => apiRequests(harness.standIn, 'PUT') as Put[];
const saved = (page: Page) => expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
const stored = (id: string) => harness.standIn.state.calls.get(id)!;
const noteBox = (dialog: Locator) => dialog.getByRole('textbox', { name: 'Note' });
/** The box's lines as the rep sees them: one per paragraph or list item. */
const lines = (box: Locator) =>
  box.evaluate((el) => [...el.querySelectorAll('p, h1, h2, li > p')].map((p) => p.textContent));

/** Selects `text` (its first occurrence, across formatting) in the box, as a rep would with the mouse. */
const select = (box: Locator, text: string) =>
  box.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const all = nodes.map((n) => n.data).join('');
    const at = all.indexOf(t);
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

test('formatting by button and shortcut, across marks, with undo: Close gets exactly that HTML', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const box = noteBox(dialog);
  expect(await box.getAttribute('aria-multiline')).toBe('true');
  await expect.poll(() => lines(box)).toEqual(call.note!.split('\n'));
  await box.fill('Budget approved today');

  const bold = dialog.getByRole('button', { name: 'Bold' });
  expect(await bold.getAttribute('aria-keyshortcuts')).toContain('Control+B');
  await select(box, 'approved');
  await bold.click();
  expect(await box.evaluate((el) => el.querySelector('strong')?.textContent)).toBe('approved');
  // The box kept the focus (the button does not take it).
  expect(await box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

  // A selection from plain text into bold text, made italic.
  await select(box, 'get appr');
  await box.press('Control+i');
  expect(await box.evaluate((el) => [...el.querySelectorAll('em')].map((e) => e.textContent).join('|'))).toBe('get |appr');
  // Undo takes it back; redo and undo again.
  await box.press('Control+z');
  expect(await box.evaluate((el) => el.querySelectorAll('em').length)).toBe(0);
  await box.press('Control+Shift+z');
  expect(await box.evaluate((el) => el.querySelectorAll('em').length)).toBe(2);
  await box.press('Control+z');

  // A new line: a bulleted list by shortcut, then numbered by the button; "- " typed starts a list too.
  await box.press('Control+End');
  await box.press('Enter');
  await box.pressSequentially('Send contract');
  await box.press('Control+Shift+8');
  expect(await box.evaluate((el) => el.querySelector('ul li')?.textContent)).toBe('Send contract');
  await dialog.getByRole('button', { name: 'Numbered list' }).click();
  expect(await box.evaluate((el) => el.querySelector('ol li')?.textContent)).toBe('Send contract');
  await box.press('Enter');
  await box.press('Enter'); // out of the list
  await box.pressSequentially('Ask about 5 * 3 seats, **really**');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()).toHaveLength(1);
  const html =
    '<body><p>Budget <strong>approved</strong> today</p><ol><li><p>Send contract</p></li></ol><p>Ask about 5 * 3 seats, <strong>really</strong></p></body>';
  expect(puts()[0]!.body).toEqual({ note_html: html });

  // Reopened: the formatting shows as formatting, and saving it unchanged sends nothing.
  await box.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const again = await harness.openPanel(DEMO.leads.globex.id);
  const box2 = noteBox(again.dialog);
  await expect.poll(() => box2.evaluate((el) => el.querySelector('strong')?.textContent)).toBe('approved');
  expect(await box2.textContent()).not.toContain('**');
  await box2.press('Control+Enter');
  await expect.poll(() => again.page.getByRole('status').textContent()).toMatch(/nothing to save/i);
  expect(puts()).toHaveLength(1);
  await again.page.close();
  await page.close();
});

test('a plain note with markers stays plain: an edit elsewhere sends exactly the text as `note`', async () => {
  const call = DEMO.calls.globexPlainNote;
  const note = 'Call *me* back\n- not a list\n• nor this\n\n#1 \\ [x](y)  two spaces';
  Object.assign(stored(call.id), { note, note_html: null });
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const box = noteBox(dialog);
  await expect.poll(() => lines(box)).toEqual(note.split('\n'));
  expect(await box.evaluate((el) => el.querySelectorAll('ul, ol, em, strong').length)).toBe(0);
  await box.press('Control+End');
  await box.pressSequentially(' ok');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()[0]!.body).toEqual({ note: `${note} ok` });
  await page.close();
});

test('IME composition (CDP Input.imeSetComposition) commits its text once', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const box = noteBox(dialog);
  await box.fill('Tokyo: ');
  await box.press('End');
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'とう', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'とうきょう', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: '東京' });
  await expect.poll(() => lines(box)).toEqual(['Tokyo: 東京']);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()[0]!.body).toEqual({ note: 'Tokyo: 東京' });
  await page.close();
});

test('pasting Word HTML: clean formatting in the box and inert HTML on the wire; plain text pastes as text', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const box = noteBox(dialog);
  await box.fill('Summary:');
  await box.press('End');
  await box.press('Enter');
  // A real clipboard, written by the page, pasted with a real Ctrl+V: the trusted path.
  const html =
    '<meta charset="utf-8"><style>p{color:red}</style><!--StartFragment-->' +
    '<p class="MsoNormal" style="margin:0">Spoke with <b>Dana</b> and <span style="font-style:italic">Lee</span><o:p></o:p></p>' +
    '<ul><li>Budget <strong>approved</strong></li><li>Deck: <a href="https://example.com/deck">slides</a></li></ul>' +
    '<p>Bad <a href="javascript:alert(1)">link</a><img src="x" onerror="alert(1)"><script>alert(1)</script></p><!--EndFragment-->';
  const write = (h: string, text: string) =>
    page.evaluate(
      async ([h2, t]) => {
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/html': new Blob([h2!], { type: 'text/html' }), 'text/plain': new Blob([t!], { type: 'text/plain' }) }),
        ]);
      },
      [h, text],
    );
  await write(html, 'plain fallback');
  await box.press('Control+v');
  await expect.poll(() => lines(box)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link']);

  // Plain text pastes as it is: its markup is characters.
  await page.evaluate(() => navigator.clipboard.writeText(' **not** <b>html</b>'));
  await box.press('Control+v');
  await expect.poll(() => lines(box)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link **not** <b>html</b>']);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  const sent = puts()[0]!.body as { note_html: string };
  expect(sent.note_html).toBe(
    '<body><p>Summary:</p><p>Spoke with <strong>Dana</strong> and <em>Lee</em></p>' +
      '<ul><li><p>Budget <strong>approved</strong></p></li><li><p>Deck: <a href="https://example.com/deck">slides</a></p></li></ul>' +
      '<p>Bad link **not** &lt;b&gt;html&lt;/b&gt;</p></body>',
  );
  expect(await page.evaluate(unsafeHtmlViolations, sent.note_html)).toEqual([]);

  // 5 MB of HTML is refused in words; the note is as it was.
  await write(`<p>${'x'.repeat(5_100_000)}</p>`, 'x');
  await box.press('Control+v');
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/too much to paste/i);
  expect((await lines(box)).at(-1)).toBe('Bad link **not** <b>html</b>');
  await page.close();
});

test('a rich note with a mention and a table: an edit in one paragraph sends every other block as Close had it', async () => {
  const call = DEMO.calls.acmeRichNote;
  const mention = '<p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> to join.</p>';
  const table = '<table><tbody><tr><td>Units</td><td><strong>50</strong></td></tr></tbody></table>';
  const rest = '<h2 class="x">Not editable here</h2><p>Last <span style="color: #958DF1">line</span>.</p>';
  Object.assign(stored(call.id), { note_html: `<body>${mention}${table}<p>Edit me</p>${rest}</body>` });
  const { page, dialog } = await harness.openPanel(DEMO.leads.acme.id);
  const box = noteBox(dialog);
  await expect.poll(() => box.evaluate((el) => el.querySelector('.mention')?.textContent)).toBe('@Road Runner');
  // The table is shown (inert, not editable) and the mention is one atomic chip.
  expect(await box.evaluate((el) => el.querySelector('.note-opaque td')?.textContent)).toBe('Units');
  expect(await box.evaluate((el) => el.querySelector('.mention')?.getAttribute('contenteditable'))).toBe('false');

  await select(box, 'Edit me');
  await box.press('End');
  await box.pressSequentially(' now <i>typed</i>');
  // An edit next to the mention keeps it.
  await select(box, 'to join');
  await box.press('Control+b');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()[0]!.body).toEqual({
    note_html:
      '<body><p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> <strong>to join</strong>.</p>' +
      `${table}<p>Edit me now &lt;i&gt;typed&lt;/i&gt;</p>${rest}</body>`,
  });
  await page.close();
});

test('a script on the page cannot format or edit the note: untrusted clicks, keys and DOM edits do nothing', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const box = noteBox(dialog);
  await box.fill('plain words');
  await select(box, 'words');
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    (root.querySelector('button[aria-label="Bold"]') as HTMLButtonElement).click();
    const el = root.getElementById('quick-edit-note')!;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'i', ctrlKey: true, bubbles: true }));
  });
  await page.waitForTimeout(1_500); // past the window in which a real key press lets a DOM change count
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    root.getElementById('quick-edit-note')!.querySelector('p')!.textContent = 'forged by the page';
  });
  await expect.poll(() => lines(box)).toEqual(['plain words']);
  expect(await box.evaluate((el) => el.querySelectorAll('strong, em').length)).toBe(0);
  await page.close();
});
