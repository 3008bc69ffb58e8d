// Issue 4: bold, italic and bulleted lists in the Note box (buttons and shortcuts), and pasting
// rich HTML, in real Chromium against the production build. What Close receives is checked on
// the wire: Close's rich-text subset, nothing else.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { closeSubsetViolations } from '../security/close-subset';
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

/** Selects `text` (its first occurrence) in the Note box, as a rep would with the mouse. */
const select = (note: Locator, text: string) =>
  note.evaluate((el: HTMLTextAreaElement, t) => {
    const at = el.value.indexOf(t);
    if (at < 0) throw new Error(`"${t}" is not in the note`);
    el.focus();
    el.setSelectionRange(at, at + t.length);
  }, text);
const caretAt = (note: Locator, offset: number) =>
  note.evaluate((el: HTMLTextAreaElement, at) => {
    el.focus();
    el.setSelectionRange(at, at);
  }, offset);

test('bold, italic and a list, by button and by shortcut: Close gets exactly <strong>, <em>, <ul><li>', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await expect.poll(() => note.inputValue()).toBe(call.note);
  await note.fill('Budget approved\nSend contract\nCall back Monday\nAsk about 5 * 3 seats');

  // The buttons say what they do and how to do it by hand.
  const bold = dialog.getByRole('button', { name: 'Bold' });
  expect(await bold.getAttribute('aria-keyshortcuts')).toContain('Control+B');
  expect(await bold.getAttribute('title')).toContain('**text**');
  expect(await dialog.getByRole('toolbar', { name: 'Formatting' }).textContent()).toContain('*italic*');

  await select(note, 'approved');
  await bold.click();
  expect(await note.inputValue()).toMatch(/^Budget \*\*approved\*\*\n/);
  // The Note box kept the focus and the word is still selected.
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el === (el.getRootNode() as ShadowRoot).activeElement, el.value.slice(el.selectionStart, el.selectionEnd)])).toEqual([true, 'approved']);

  await select(note, 'Send');
  await note.press('Control+i');
  await note.press('Control+Shift+8');
  expect((await note.inputValue()).split('\n')[1]).toBe('• *Send* contract');

  // The list button on the next line; Ctrl+B on "Monday", then Ctrl+Z takes it back.
  await caretAt(note, (await note.inputValue()).indexOf('Call back'));
  await dialog.getByRole('button', { name: 'Bulleted list' }).click();
  await select(note, 'Monday');
  await note.press('Control+b');
  expect(await note.inputValue()).toContain('• Call back **Monday**');
  await note.press('Control+z');
  expect(await note.inputValue()).toContain('• Call back Monday\n');

  expect(await note.inputValue()).toBe('Budget **approved**\n• *Send* contract\n• Call back Monday\nAsk about 5 * 3 seats');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()).toHaveLength(1);
  const html = '<body><p>Budget <strong>approved</strong></p><ul><li><em>Send</em> contract</li><li>Call back Monday</li></ul><p>Ask about 5 * 3 seats</p></body>';
  expect(puts()[0]!.body).toEqual({ note_html: html });
  expect(await page.evaluate(closeSubsetViolations, html)).toEqual([]);

  // Reopened, the note reads as it was typed, and saving it unchanged sends nothing.
  await note.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const again = await harness.openPanel(DEMO.leads.globex.id);
  await expect.poll(() => again.dialog.getByLabel('Note').inputValue()).toBe('Budget **approved**\n• *Send* contract\n• Call back Monday\nAsk about 5 * 3 seats');
  await again.dialog.getByLabel('Note').press('Control+Enter');
  await expect.poll(() => again.page.getByRole('status').textContent()).toMatch(/nothing to save/i);
  expect(puts()).toHaveLength(1);
  await again.page.close();
  await page.close();
});

test('a script on the page cannot format the note: untrusted clicks and keys do nothing', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await note.fill('plain words');
  await select(note, 'words');
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    (root.querySelector('button[aria-label="Bold"]') as HTMLButtonElement).click();
    root.getElementById('quick-edit-note')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'i', ctrlKey: true, bubbles: true }));
  });
  expect(await note.inputValue()).toBe('plain words');
  await page.close();
});

test('pasting rich HTML (Word style) gives clean markup in the box and the subset on the wire', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await note.fill('Summary:\n');
  await caretAt(note, 'Summary:\n'.length);
  // A real clipboard, written by the page, pasted with a real Ctrl+V: the trusted path.
  const html =
    '<meta charset="utf-8"><style>p{color:red}</style><!--StartFragment-->' +
    '<p class="MsoNormal" style="margin:0">Spoke with <b>Dana</b> and <span style="font-style:italic">Lee</span><o:p></o:p></p>' +
    '<ul><li>Budget <strong>approved</strong></li><li>Deck: <a href="https://example.com/deck">slides</a></li></ul>' +
    '<p>Bad <a href="javascript:alert(1)">link</a><img src="x" onerror="alert(1)"><script>alert(1)</script></p><!--EndFragment-->';
  await page.evaluate(async (h) => {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([h], { type: 'text/html' }),
        'text/plain': new Blob(['plain fallback'], { type: 'text/plain' }),
      }),
    ]);
  }, html);
  await note.press('Control+v');
  await expect
    .poll(() => note.inputValue())
    .toBe('Summary:\nSpoke with **Dana** and *Lee*\n• Budget **approved**\n• Deck: [slides](https://example.com/deck)\nBad link');
  // The caret is after the pasted text.
  expect(await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart === el.value.length)).toBe(true);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  const sent = puts()[0]!.body as { note_html: string };
  expect(Object.keys(sent)).toEqual(['note_html']);
  expect(sent.note_html).toBe(
    '<body><p>Summary:</p><p>Spoke with <strong>Dana</strong> and <em>Lee</em></p>' +
      '<ul><li>Budget <strong>approved</strong></li><li>Deck: <a href="https://example.com/deck">slides</a></li></ul><p>Bad link</p></body>',
  );
  expect(await page.evaluate(closeSubsetViolations, sent.note_html)).toEqual([]);

  // Plain text pastes as it is.
  await page.evaluate(() => navigator.clipboard.writeText('**not** <b>html</b>'));
  await note.fill('');
  await note.press('Control+v');
  await expect.poll(() => note.inputValue()).toBe('**not** <b>html</b>');
  await page.close();
});

test('a rich note from Close: formatting a word in one paragraph keeps the others exactly', async () => {
  const call = DEMO.calls.acmeRichNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.acme.id);
  const note = dialog.getByLabel('Note');
  const shown =
    'Great call with **Wile E.** about the *Q1 anvil* order.\nNext steps:\n• Send pricing for 50 units\n• Book a demo with their ops team';
  await expect.poll(() => note.inputValue()).toBe(shown);
  await select(note, 'Next steps');
  await note.press('Control+b');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()[0]!.body).toEqual({
    note_html: call.note_html!.replace('<p>Next steps:</p>', '<p><strong>Next steps</strong>:</p>'),
  });
  await page.close();
});
