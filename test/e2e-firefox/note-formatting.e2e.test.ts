// Issue 4 in Firefox: the Note box's formatting shortcut and list button (execCommand in a
// textarea inside a shadow root), "/" templates, and what reaches Close.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, count, fill, find, textOf, valueOf } from './ui';

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

test('Ctrl+B and the list button format the note; Close gets <strong> and <ul><li>', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await click(page, PANEL.launcher);
  await fill(page, PANEL.note, 'Budget approved\nSend contract');
  const note = await find(page, PANEL.note);
  await note.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(7, 15));
  await page.keyboard.down('Control');
  await page.keyboard.press('b');
  await page.keyboard.up('Control');
  expect(await valueOf(page, PANEL.note)).toBe('Budget **approved**\nSend contract');
  await note.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange((el as HTMLTextAreaElement).textLength, (el as HTMLTextAreaElement).textLength));
  await click(page, inPanel('button[aria-label="Bulleted list"]'));
  expect(await valueOf(page, PANEL.note)).toBe('Budget **approved**\n• Send contract');
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note_html: '<body><p>Budget <strong>approved</strong></p><ul><li>Send contract</li></ul></body>' }]);
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
  await fill(page, PANEL.note, '');
  await page.keyboard.type('/');
  await expect.poll(() => textOf(page, inPanel('#quick-edit-templates-empty'))).toMatch(/No templates yet/);
  expect(await count(page, inPanel('#quick-edit-templates'))).toBe(0); // the template list (Outcome has its own)

  await setTemplates([{ id: 'fu', name: 'Follow up', body: 'Follow-up: send *pricing*' }]);
  await page.bringToFront();
  await find(page, PANEL.note);
  await fill(page, PANEL.note, '');
  await page.keyboard.type('/fo');
  await expect.poll(() => count(page, inPanel('#quick-edit-templates [role=option]'))).toBe(1);
  await page.keyboard.press('Enter');
  expect(await valueOf(page, PANEL.note)).toBe('Follow-up: send *pricing*');
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ note_html: '<body><p>Follow-up: send <em>pricing</em></p></body>' }]);
  await page.close();
});
