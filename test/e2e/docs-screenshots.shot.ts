import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startHarness, type Harness } from './harness';

// The README's screenshots of the panel, light and dark, English and German (issue 15), from the
// production build against the Close stand-in. Not a test (npm test does not run it):
//   node scripts/docs-screenshots.mjs
// writes, for each <lang> (en, de) and <scheme> (light, dark):
//   docs/connect-<lang>-<scheme>.png  the panel opened before a key is set (first run)
//   docs/panel-<lang>-<scheme>.png    the same open panel once the key was connected in the popup
//   docs/waiting-<lang>-<scheme>.png  the popup naming a save that waits for the network
// Each is clipped to what it shows, so that the files stay small.

const OUT = resolve('docs');
const WORDS = {
  en: { launcher: 'Quick edit call', note: 'Note', save: 'Save', disconnect: 'Disconnect', typed: ' Pricing sent on Monday.', offline: 'waiting for a connection' },
  de: { launcher: 'Anruf schnell bearbeiten', note: 'Notiz', save: 'Speichern', disconnect: 'Trennen', typed: ' Preise am Montag geschickt.', offline: 'wartet auf eine Verbindung' },
} as const;
const MARGIN = 24;

/** A screenshot of `target` with a margin of the page around it. */
async function shoot(page: Page, target: Locator, name: string) {
  const box = (await target.boundingBox())!;
  const view = page.viewportSize()!;
  const x = Math.max(0, box.x - MARGIN);
  const y = Math.max(0, box.y - MARGIN);
  const clip = { x, y, width: Math.min(view.width, box.x + box.width + MARGIN) - x, height: Math.min(view.height, box.y + box.height + MARGIN) - y };
  await page.screenshot({ path: `${OUT}/${name}.png`, clip });
}

mkdirSync(OUT, { recursive: true });

describe.each(['en', 'de'] as const)('%s', (lang) => {
  const words = WORDS[lang];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ locale: lang });
  });
  afterAll(() => harness?.close());

  const popup = async (colorScheme: 'light' | 'dark') => {
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 420, height: 640 });
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    return page;
  };

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme}: first run, the panel, a waiting save`, async () => {
      harness.standIn.reset();
      await (await harness.worker()).evaluate(() => chrome.storage.local.clear());
      const page = await harness.leadPage(DEMO.leads.acme.id);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.locator('close-quick-edit').getByRole('button', { name: words.launcher, exact: true }).click();
      const dialog = page.locator('close-quick-edit [role=dialog]');
      await dialog.locator('.connect').waitFor();
      await shoot(page, dialog, `connect-${lang}-${colorScheme}`);

      // Connected in the popup: the open panel turns into the call's panel by itself.
      await harness.connect();
      await page.bringToFront();
      const note = dialog.getByLabel(words.note, { exact: true });
      await note.waitFor();
      await expect.poll(() => note.textContent()).toContain('Wile E.');
      await page.mouse.move(0, 0);
      await shoot(page, dialog, `panel-${lang}-${colorScheme}`);

      // Offline, a save waits: the popup names it by lead, contact and date. The popup opens first,
      // so that its Calls to log count is read while Close can still be reached.
      const list = await popup(colorScheme);
      await list.getByRole('button', { name: words.disconnect, exact: true }).waitFor();
      await harness.context.setOffline(true);
      try {
        await page.bringToFront();
        await note.press('Control+End');
        await page.keyboard.type(words.typed);
        await dialog.getByRole('button', { name: words.save, exact: true }).click();
        await dialog.getByRole('alert').first().waitFor();
        await list.bringToFront();
        // Once the worker's own first tries are over and it waits for the network.
        await expect.poll(() => list.locator('.queued li').textContent(), { timeout: 30_000 }).toContain(words.offline);
        await shoot(list, list.locator('body'), `waiting-${lang}-${colorScheme}`);
        await list.locator('.queued li button').last().click(); // Cancel: nothing reaches Close
        await expect.poll(() => list.locator('.queued li').count()).toBe(0);
        await list.getByRole('button', { name: words.disconnect, exact: true }).click();
        await list.locator('input[type="password"]').waitFor();
        await list.close();
      } finally {
        await harness.context.setOffline(false);
      }
      await page.close();
    });
  }
});
