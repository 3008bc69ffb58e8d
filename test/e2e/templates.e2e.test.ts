// Issue 4: templates. Defined in the settings (the extension's storage, as the options page
// writes them), inserted by typing "/" at the start of a line of the Note box, as text (issue 12:
// a template's "**" or "•" are characters, never formatting).
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { axeViolations, formatViolations } from './axe';
import { apiRequests, startHarness, type Harness } from './harness';
import { boxText, toEnd } from './note-box';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

const TEMPLATES = [
  { id: 'tpl-vm', name: 'Voicemail', body: 'Left a voicemail, will try again **tomorrow**.' },
  { id: 'tpl-fu', name: 'Follow up', body: 'Follow-up:\n• Send pricing\n• Book a demo' },
];

/** Writes the templates where utils/settings.ts keeps them, from inside the extension. */
async function setTemplates(templates: unknown[]) {
  const worker = await harness.worker();
  await worker.evaluate((value) => chrome.storage.local.set({ 'settings.templates': value }), templates);
}

type Put = { path: string; body: Record<string, unknown> };
const puts = () => apiRequests(harness.standIn, 'PUT') as Put[];
const saved = (page: Page) => expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
/** The template menu (the dialog has other lists: Call, Outcome). */
const templateMenu = (dialog: Locator) => dialog.getByRole('listbox', { name: 'Templates' });
const optionNames = (dialog: Locator) => templateMenu(dialog).getByRole('option').evaluateAll((els) => els.map((el) => el.querySelector('.template-name')?.textContent));

test('"/" at the start of a line lists the templates, typing filters, Enter inserts; saved as typed', async () => {
  await setTemplates(TEMPLATES);
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await expect.poll(() => boxText(note)).toBe(call.note);
  await toEnd(note);

  await note.press('Enter');
  await note.press('/');
  const menu = dialog.getByRole('listbox', { name: 'Templates' });
  await menu.waitFor();
  expect(await optionNames(dialog)).toEqual(['Voicemail', 'Follow up']);
  // The box points at the menu and its active option, for screen readers.
  expect(await note.getAttribute('aria-haspopup')).toBe('listbox');
  expect(await note.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
  const active = await note.getAttribute('aria-activedescendant');
  expect(await templateMenu(dialog).getByRole('option', { selected: true }).getAttribute('id')).toBe(active);

  const inDialog = await axeViolations(page, { include: ['close-quick-edit', '[role=dialog]'] });
  expect(inDialog, formatViolations(inDialog)).toEqual([]);

  await note.pressSequentially('fol');
  await expect.poll(() => optionNames(dialog)).toEqual(['Follow up']);
  await note.press('Enter');
  await menu.waitFor({ state: 'detached' });
  expect(await boxText(note)).toBe(`${call.note}\n${TEMPLATES[1]!.body}`);
  expect(await note.getAttribute('aria-activedescendant')).toBeNull();

  await dialog.getByRole('button', { name: 'Save' }).click();
  await saved(page);
  expect(puts()).toHaveLength(1);
  // A plain note with a template in it is still plain: its exact text.
  expect(puts()[0]!.body).toEqual({ note: `${call.note}\n${TEMPLATES[1]!.body}` });
  await page.close();
});

test('arrows and a click choose; Esc closes only the menu; "/" mid-line is just a slash', async () => {
  await setTemplates(TEMPLATES);
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await note.fill('');
  await note.pressSequentially('a/b ');
  expect(await templateMenu(dialog).count()).toBe(0);

  await note.fill('');
  await note.press('/');
  await templateMenu(dialog).waitFor();
  await note.press('ArrowDown');
  expect(await templateMenu(dialog).getByRole('option', { selected: true }).textContent()).toContain('Follow up');
  await note.press('ArrowDown'); // wraps around
  expect(await templateMenu(dialog).getByRole('option', { selected: true }).textContent()).toContain('Voicemail');

  // Esc: the menu goes, the panel and the typed "/" stay.
  await note.press('Escape');
  await templateMenu(dialog).waitFor({ state: 'detached' });
  expect(await dialog.isVisible()).toBe(true);
  expect(await boxText(note)).toBe('/');
  // Typing on does not bring it back for that "/"; a new line's "/" does.
  await note.pressSequentially('v');
  expect(await templateMenu(dialog).count()).toBe(0);
  await note.press('Enter');
  await note.press('/');
  await templateMenu(dialog).getByRole('option', { name: /Voicemail/ }).click();
  expect(await boxText(note)).toBe(`/v\n${TEMPLATES[0]!.body}`);
  expect(await note.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

  // A query nothing matches closes the menu, and Enter is a new line again.
  await note.press('Enter');
  await note.pressSequentially('/zzz');
  expect(await templateMenu(dialog).count()).toBe(0);
  await note.press('Enter');
  expect(await boxText(note)).toBe(`/v\n${TEMPLATES[0]!.body}\n/zzz\n`);
  await page.close();
});

test('Ctrl+Enter saves while the menu is open; a page script cannot pick a template', async () => {
  await setTemplates(TEMPLATES);
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await note.fill('');
  await note.press('/');
  await templateMenu(dialog).waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    (root.querySelector('[role=option]') as HTMLElement).click();
    root.getElementById('quick-edit-note')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  expect(await boxText(note)).toBe('/');
  await note.press('Control+Enter');
  await saved(page);
  expect(puts()[0]!.body).toEqual({ note: '/' });
  await page.close();
});

test('no templates: a hint says where to add them, and nothing traps the keys; new templates show up at once', async () => {
  await setTemplates([]);
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const note = dialog.getByLabel('Note');
  await note.fill('');
  await note.press('/');
  await expect.poll(() => dialog.getByText('No templates yet — add them in the settings.').isVisible()).toBe(true);
  expect(await templateMenu(dialog).count()).toBe(0);
  await note.press('Enter');
  expect(await boxText(note)).toBe('/\n');

  // Added in the settings while the panel is open: offered on the next "/".
  await setTemplates([TEMPLATES[0]]);
  await note.press('/');
  await expect.poll(() => optionNames(dialog)).toEqual(['Voicemail']);
  await note.press('Tab');
  expect(await boxText(note)).toBe(`/\n${TEMPLATES[0]!.body}`);
  await page.close();
});
