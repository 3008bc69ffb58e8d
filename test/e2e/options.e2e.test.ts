import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PanelPositionSchema, TemplatesSchema } from '../../utils/settings-schema';
import { startHarness, type Harness } from './harness';

// The settings page in real Chromium (issue 4): opened from the popup, what the rep sets is
// stored in the shapes utils/settings.ts parses, survives a reload, and bad input is refused.

let harness: Harness;
let options: Page;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const stored = () => options.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
const newTemplate = () => options.getByRole('form', { name: 'New template' });
const templatesStatus = () => options.getByTestId('templates-status');

async function addTemplate(name: string, body: string) {
  await newTemplate().getByLabel('Name').fill(name);
  await newTemplate().getByLabel('Text').fill(body);
  await newTemplate().getByRole('button', { name: 'Add template' }).click();
}

test('the popup’s Settings button opens the settings page in a new tab', async () => {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  const opened = harness.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Settings' }).click();
  options = await opened;
  await options.waitForURL(`chrome-extension://${harness.extensionId}/options.html`);
  await expect.poll(() => options.title()).toBe('Settings: Quick Edit for Close');
  expect(await options.locator('html').getAttribute('lang')).toMatch(/^en/);
  await options.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  // The Close connection is part of it, with the popup's names.
  expect(await options.getByLabel('API key').getAttribute('type')).toBe('password');
  await popup.close();
});

test('templates, auto-open and a corner are stored as utils/settings.ts expects and survive a reload', async () => {
  expect(await stored()).not.toHaveProperty('settings.templates');
  await addTemplate('Voicemail', 'Left a voicemail, will call back.');
  await expect.poll(() => templatesStatus().textContent()).toBe('Template added');
  await addTemplate('Follow-up', 'Sent the proposal.\nCall again on Friday.');
  await options.getByRole('group', { name: 'Follow-up' }).waitFor();

  const autoOpen = options.getByRole('checkbox', { name: 'Open the panel automatically on a call page' });
  expect(await autoOpen.isChecked()).toBe(false);
  expect(await options.getByRole('radio', { name: 'Bottom right' }).isChecked()).toBe(true);
  await autoOpen.check();
  await options.getByRole('radio', { name: 'Top left' }).check();
  await expect.poll(() => options.getByTestId('panel-status').textContent()).toBe('Saved');

  await expect.poll(async () => (await stored())['settings.panelPosition']).toEqual({ kind: 'dock', corner: 'top-left' });
  const raw = await stored();
  // What the panel and the content script will parse (utils/settings.ts) accepts what was stored.
  expect(TemplatesSchema.safeParse(raw['settings.templates']).success).toBe(true);
  expect(PanelPositionSchema.safeParse(raw['settings.panelPosition']).success).toBe(true);
  expect(raw['settings.autoOpen']).toBe(true);
  expect(raw['settings.templates']).toEqual([
    { id: expect.stringMatching(/^.{1,64}$/), name: 'Voicemail', body: 'Left a voicemail, will call back.' },
    { id: expect.stringMatching(/^.{1,64}$/), name: 'Follow-up', body: 'Sent the proposal.\nCall again on Friday.' },
  ]);

  await options.reload();
  await options.getByRole('group', { name: 'Voicemail' }).waitFor();
  expect(await options.getByRole('group').filter({ has: options.getByLabel('Text') }).evaluateAll((groups) =>
    groups.map((g) => g.querySelector('legend')?.textContent),
  )).toEqual(['Voicemail', 'Follow-up']);
  expect(await options.getByRole('group', { name: 'Follow-up' }).getByLabel('Text').inputValue()).toBe(
    'Sent the proposal.\nCall again on Friday.',
  );
  expect(await autoOpen.isChecked()).toBe(true);
  expect(await options.getByRole('radio', { name: 'Top left' }).isChecked()).toBe(true);
});

test('an edit is stored when the field is left; a move and a delete too', async () => {
  const voicemail = options.getByRole('group', { name: 'Voicemail' });
  await voicemail.getByLabel('Name').fill('Voicemail left');
  await voicemail.getByLabel('Name').press('Tab');
  await options.getByRole('group', { name: 'Voicemail left' }).waitFor();
  await options.getByRole('button', { name: 'Move “Follow-up” up' }).click();
  await expect
    .poll(async () => ((await stored())['settings.templates'] as { name: string }[]).map((t) => t.name))
    .toEqual(['Follow-up', 'Voicemail left']);
  await options.getByRole('button', { name: 'Delete template “Follow-up”' }).click();
  await expect.poll(() => templatesStatus().textContent()).toBe('Template deleted');
  expect(((await stored())['settings.templates'] as { name: string }[]).map((t) => t.name)).toEqual(['Voicemail left']);
});

test('an empty or too-long name is refused in an alert tied to the field, and nothing is stored', async () => {
  const before = (await stored())['settings.templates'];
  const name = newTemplate().getByLabel('Name');

  await newTemplate().getByLabel('Text').fill('A body without a name');
  await newTemplate().getByRole('button', { name: 'Add template' }).click();
  const alert = newTemplate().getByRole('alert');
  await expect.poll(() => alert.textContent()).toBe('Name: give the template a name.');
  expect(await name.getAttribute('aria-invalid')).toBe('true');
  expect(await name.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
  // The field at fault is where the focus goes, so the rep can fix it at once.
  expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);

  await name.fill('n'.repeat(61));
  await newTemplate().getByRole('button', { name: 'Add template' }).click();
  await expect.poll(() => alert.textContent()).toBe('Name: 61 characters is too long, at most 60.');
  await expect.poll(async () => (await stored())['settings.templates']).toEqual(before);
  // The rep's text is still there to fix.
  expect(await newTemplate().getByLabel('Text').inputValue()).toBe('A body without a name');

  // A stored template emptied in place is refused the same way.
  const row = options.getByRole('group', { name: 'Voicemail left' });
  await row.getByLabel('Name').fill('');
  await row.getByLabel('Name').press('Tab');
  await expect.poll(() => row.getByRole('alert').textContent()).toBe('Name: give the template a name.');
  expect((await stored())['settings.templates']).toEqual(before);
});

test('a panel dragged to a place of its own is shown as such, and Reset to corner docks it', async () => {
  // What the panel writes when the rep drags it (utils/settings.ts, settings.panelPosition).
  await options.evaluate(() => chrome.storage.local.set({ 'settings.panelPosition': { kind: 'free', left: 300, top: 80 } }));
  await options.getByText('You dragged the panel to a place of your own').waitFor();
  // No corner is chosen (the Calls to log period below has its own radios).
  expect(await options.getByRole('group', { name: 'Panel position' }).getByRole('radio', { checked: true }).count()).toBe(0);
  await options.getByRole('button', { name: 'Reset to corner' }).click();
  await expect.poll(async () => (await stored())['settings.panelPosition']).toEqual({ kind: 'dock', corner: 'bottom-right' });
  expect(await options.getByRole('radio', { name: 'Bottom right' }).isChecked()).toBe(true);
  expect(await options.getByRole('radio', { name: 'Bottom right' }).evaluate((el) => el === document.activeElement)).toBe(true);
});
