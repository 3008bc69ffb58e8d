import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { axeViolations, formatViolations } from './axe';
import { startHarness, type Harness } from './harness';

// Issue 15's new states, light and dark, English and German: the call being edited outlined in the
// feed, a retry in progress as a status, "Draft saved" with the draft marks on the launcher and the
// feed button, "Saved · Undo" after "Close the panel after Save". axe finds no serious or critical
// violation in any of them. With UPDATE_DOCS=1 each run writes docs/panel-life-<lang>-<scheme>.png
// (the panel on an outlined call with a retry in progress) and docs/draft-saved-<lang>-<scheme>.png.

const WORDS = {
  en: { launcher: 'Quick edit call', feed: 'Quick edit', note: 'Note', retrying: /Close is having trouble — retrying in/, draftSaved: 'Draft saved', saved: 'Saved · Undo' },
  de: { launcher: 'Anruf schnell bearbeiten', feed: 'Schnell bearbeiten', note: 'Notiz', retrying: /Close hat gerade Probleme – neuer Versuch in/, draftSaved: 'Entwurf gespeichert', saved: 'Gespeichert · Rückgängig' },
} as const;

const IN_PANEL: [string, string] = ['close-quick-edit', '[role=dialog]'];

async function expectNoSeriousViolations(page: Page, include: string | [string, string]) {
  const violations = await axeViolations(page, { include });
  expect(violations, formatViolations(violations)).toEqual([]);
}
const noteText = (page: Page) => page.locator('close-quick-edit').locator('.note').textContent();

describe.each(['en', 'de'] as const)('%s', (locale) => {
  const words = WORDS[locale];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ locale });
    await harness.connect();
  });
  afterAll(() => harness?.close());
  beforeEach(() => harness.standIn.reset());

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: outlined call, retry status, Draft saved with its marks, Saved · Undo`, async () => {
      const { acme } = DEMO.leads;
      const older = acme.callIds[1]!;
      const page = await harness.leadPage(acme.id);
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.emulateMedia({ colorScheme });
      const feedButton = page.locator(`close-quick-edit-feed[data-call-id="${older}"]`).getByRole('button');
      await feedButton.click();
      const dialog = page.getByRole('dialog', { name: /call|anruf/i });
      await dialog.getByLabel(words.note, { exact: true }).waitFor();
      await expect.poll(() => page.locator('close-quick-edit').locator('.call-outline').count()).toBe(1);
      await expectNoSeriousViolations(page, IN_PANEL);

      // Close answers 503: retried by itself, said as a status.
      harness.standIn.faults.add({ method: 'PUT', kind: '503', times: 3 });
      await dialog.getByLabel(words.note, { exact: true }).fill(locale === 'de' ? 'Rückruf am Montag' : 'Call back Monday');
      await dialog.getByRole('button', { name: locale === 'de' ? 'Speichern' : 'Save', exact: true }).click();
      await expect.poll(() => dialog.getByRole('alert').first().textContent()).toMatch(words.retrying);
      await expectNoSeriousViolations(page, IN_PANEL);
      if (process.env.UPDATE_DOCS === '1') {
        mkdirSync('docs', { recursive: true });
        await page.screenshot({ path: `docs/panel-life-${locale}-${colorScheme}.png` });
      }
      await expect.poll(() => dialog.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/^(Saved|Gespeichert)/);

      // Typed more, then Esc: "Draft saved" where the launcher is; the launcher and the feed button marked.
      await dialog.getByLabel(words.note, { exact: true }).press('End');
      await page.keyboard.type(' …');
      await dialog.getByLabel(words.note, { exact: true }).press('Escape');
      await expect.poll(() => noteText(page)).toBe(words.draftSaved);
      await expect.poll(() => feedButton.getAttribute('data-draft')).toBe('');
      await expectNoSeriousViolations(page, 'close-quick-edit');
      await expectNoSeriousViolations(page, `close-quick-edit-feed[data-call-id="${older}"]`);
      if (process.env.UPDATE_DOCS === '1') await page.screenshot({ path: `docs/draft-saved-${locale}-${colorScheme}.png` });

      // "Close the panel after Save": Saved · Undo where the launcher is.
      await harness.context.serviceWorkers()[0]?.evaluate(() => chrome.storage.local.set({ 'settings.closeAfterSave': true }));
      await feedButton.click();
      await dialog.getByLabel(words.note, { exact: true }).press('Control+Enter');
      await expect.poll(() => noteText(page)).toBe(words.saved);
      await expectNoSeriousViolations(page, 'close-quick-edit');
      await harness.context.serviceWorkers()[0]?.evaluate(() => chrome.storage.local.remove('settings.closeAfterSave'));
      await page.close();
    });
  }
});
