import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';

// The whole extension in German: Chromium started with a German UI language, so browser.i18n
// answers from _locales/de. Names here are the German counterparts of UI-CONTRACT.md's.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ locale: 'de' });
  await harness.connect(); // by input type, not by (English) name
});
afterAll(() => harness?.close());

test('the extension answers from its German messages', async () => {
  const worker = await harness.worker();
  expect(await worker.evaluate(() => chrome.i18n.getMessage('ext_name'))).toBe('Quick Edit für Close');
});

test('the popup is in German and opens German settings', async () => {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  expect(await popup.locator('html').getAttribute('lang')).toMatch(/^de/);
  await popup.getByRole('button', { name: 'Trennen' }).waitFor();
  const [options] = await Promise.all([
    harness.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Einstellungen' }).click(),
  ]);
  await options.getByRole('heading', { name: 'Vorlagen' }).waitFor();
  expect(await options.title()).toContain('Einstellungen');
  await options.close();
  await popup.close().catch(() => undefined);
});

test('the panel is in German, from the launcher to "Gespeichert", with German errors', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await page.getByRole('button', { name: 'Anruf schnell bearbeiten', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /anruf/i });
  const note = dialog.getByLabel('Notiz');
  await note.waitFor();
  expect(await dialog.getByLabel('Anruf').inputValue()).toBe(DEMO.calls.globexPlainNote.id);
  await dialog.getByRole('combobox', { name: 'Ergebnis' }).waitFor();
  await dialog.getByRole('button', { name: 'Tastenkürzel' }).waitFor();
  await dialog.getByRole('button', { name: 'Fenster schließen' }).waitFor();

  // A failed save is explained in German, and the retry succeeds.
  harness.standIn.faults.add({ method: 'PUT', kind: '500' });
  await note.fill('Rückruf am Freitag vereinbart.');
  await dialog.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('Bei Close ist ein Fehler aufgetreten.');
  await dialog.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Gespeichert');
  expect(apiRequests(harness.standIn, 'PUT').at(-1)?.body).toEqual({ note: 'Rückruf am Freitag vereinbart.' });

  // The call picker's dates are German too (e.g. "22.11.2026" or "22. Nov. 2026").
  const label = await dialog.getByLabel('Anruf').locator('option:checked').textContent();
  expect(label).toMatch(/22\.\s?(11\.|Nov)/);
  await page.close();
});
