import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { axeViolations, formatViolations } from './axe';
import { startHarness, type Harness } from './harness';

// How the panel looks and reads: light and dark (prefers-color-scheme), reduced motion, and an
// axe-core scan of the open panel inside its shadow root on a Close page, in both schemes and
// in its busier states (help open, a save error). The dark screenshot is written to
// docs/panel-dark.png (and the light one, docs/panel.png) when UPDATE_DOCS=1 (compared by eye, committed).

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => harness.standIn.reset());

const IN_PANEL: [string, string] = ['close-quick-edit', '[role=dialog]'];

/** Relative luminance (WCAG) of the panel's own background. */
const panelLuminance = (page: Page) =>
  page.evaluate(() => {
    const panel = document.querySelector('close-quick-edit')!.shadowRoot!.querySelector('[role=dialog]')!;
    const [r, g, b] = getComputedStyle(panel)
      .backgroundColor.match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: the open panel follows the colour scheme and axe finds no serious or critical violation`, async () => {
    const page = await harness.leadPage(DEMO.leads.acme.id);
    await page.emulateMedia({ colorScheme });
    await page.getByRole('button', { name: 'Quick edit call', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /call/i });
    await dialog.getByLabel('Note').waitFor();
    if (colorScheme === 'dark') expect(await panelLuminance(page)).toBeLessThan(0.05);
    else expect(await panelLuminance(page)).toBeGreaterThan(0.9);

    const ready = await axeViolations(page, { include: IN_PANEL });
    expect(ready, formatViolations(ready)).toEqual([]);

    // The outcome list open, with descriptions and shortcut hints.
    await dialog.getByRole('combobox', { name: 'Outcome' }).press('Alt+ArrowDown');
    await dialog.getByRole('listbox').waitFor();
    const listOpen = await axeViolations(page, { include: IN_PANEL });
    expect(listOpen, formatViolations(listOpen)).toEqual([]);
    await dialog.getByRole('combobox', { name: 'Outcome' }).press('Escape');

    // A failed save: the alert and its buttons.
    harness.standIn.faults.add({ method: 'PUT', kind: '500' });
    await dialog.getByLabel('Note').fill('A note that Close will refuse once.');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('alert').first().waitFor();
    const failed = await axeViolations(page, { include: IN_PANEL });
    expect(failed, formatViolations(failed)).toEqual([]);

    if (process.env.UPDATE_DOCS === '1') {
      mkdirSync('docs', { recursive: true });
      await dialog.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
      await page.screenshot({ path: colorScheme === 'dark' ? 'docs/panel-dark.png' : 'docs/panel.png' });
    }

    // The keyboard help.
    await dialog.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    const help = await axeViolations(page, { include: IN_PANEL });
    expect(help, formatViolations(help)).toEqual([]);
    await page.close();
  });
}

test('reduced motion: nothing in our UI moves when the rep asked for less motion', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  const moving = () =>
    page.evaluate(() => {
      const root = document.querySelector('close-quick-edit')!.shadowRoot!;
      const seconds = (v: string) => Math.max(...v.split(',').map((part) => parseFloat(part) || 0));
      return [...root.querySelectorAll('*')]
        .filter((el) => {
          const style = getComputedStyle(el);
          return seconds(style.transitionDuration) > 0 || seconds(style.animationDuration) > 0;
        })
        .map((el) => el.className || el.tagName);
    });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByRole('button', { name: 'Quick edit call', exact: true }).waitFor();
  // The launcher does move a little by default, so the check below can fail.
  expect(await moving()).not.toEqual([]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving()).toEqual([]);
  await page.getByRole('button', { name: 'Quick edit call', exact: true }).click();
  await page.getByRole('dialog', { name: /call/i }).getByLabel('Note').waitFor();
  expect(await moving()).toEqual([]);
  await page.close();
});
