import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './axe';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startHarness, type Harness } from './harness';

// The popup and the settings page, scanned by axe-core in real Chromium: no serious or critical
// violation in light or dark, connected or not (issue 4). Contrast is part of axe's rules.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const PAGES = { popup: 'popup.html', settings: 'options.html' } as const;
const SCHEMES = ['light', 'dark'] as const;

async function open(which: keyof typeof PAGES, colorScheme: (typeof SCHEMES)[number]) {
  const page = await harness.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${harness.extensionId}/${PAGES[which]}`);
  // Loaded: the connection part has asked the background and shows the key field or the account.
  await page.getByRole('button', { name: /^(Save|Disconnect)$/ }).waitFor();
  return page;
}

async function expectNoSeriousViolations(page: Page, include?: [string, string]) {
  const violations = await axeViolations(page, include && { include });
  expect(violations, formatViolations(violations)).toEqual([]);
}

describe('the axe helper', () => {
  test('finds what it should, so an empty result means something (low contrast; an unlabelled field in a shadow root)', async () => {
    const page = await open('settings', 'light');
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.id = 'faint';
      faint.textContent = 'Barely readable';
      faint.style.color = '#ddd';
      document.body.append(faint);
      const host = document.createElement('div');
      host.id = 'host';
      host.attachShadow({ mode: 'open' }).innerHTML = '<section id="inside"><input type="text"></section>';
      document.body.append(host);
    });
    // The reason the helper evaluates axe instead of adding a <script>: the page's CSP refuses that.
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(/Content Security Policy/);
    const whole = await axeViolations(page);
    expect(whole.map((v) => v.id).sort()).toEqual(['color-contrast', 'label']);
    expect(whole.find((v) => v.id === 'color-contrast')!.nodes.map((n) => n.target)).toEqual([['#faint']]);
    expect(formatViolations(whole)).toMatch(/color-contrast \(serious\): .*\n {2}at \["#faint"\]/);

    const inShadow = await axeViolations(page, { include: ['#host', '#inside'] });
    expect(inShadow.map((v) => v.id)).toEqual(['label']);
    expect(inShadow[0]!.nodes[0]!.target).toEqual([['#host', 'input[type="text"]']]);
    await expect(axeViolations(page, { include: '#nowhere' })).rejects.toThrow(/Nothing to scan/);
    await page.close();
  });
});

describe.each(SCHEMES)('%s colour scheme', (scheme) => {
  test('disconnected: the popup and the settings page', async () => {
    await setConnected(false);
    for (const which of ['popup', 'settings'] as const) {
      const page = await open(which, scheme);
      await page.getByLabel('API key').waitFor();
      await expectNoSeriousViolations(page);
      // A rejected key: the alert's colours count too.
      await page.getByLabel('API key').fill('api_not_a_real_key.0000000000');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('alert').waitFor();
      await expectNoSeriousViolations(page);
      await page.close();
    }
  });

  test('connected, with templates, a refused template, a dragged panel', async () => {
    await setConnected(true);
    const popup = await open('popup', scheme);
    await popup.getByRole('button', { name: 'Disconnect' }).waitFor();
    await expectNoSeriousViolations(popup);
    await popup.close();

    const page = await open('settings', scheme);
    await page.getByRole('button', { name: 'Disconnect' }).waitFor();
    await page.evaluate(() =>
      chrome.storage.local.set({
        'settings.templates': [{ id: 't1', name: 'Voicemail', body: 'Left a voicemail.' }],
        'settings.panelPosition': { kind: 'free', left: 40, top: 60 },
      }),
    );
    await page.getByRole('button', { name: 'Reset to corner' }).waitFor();
    await page.getByRole('checkbox', { name: 'Open the panel automatically on a call page' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Add template' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoSeriousViolations(page);
    await page.close();
  });
});

/** Connects or disconnects through the popup, as a rep would, whatever the tests before did. */
async function setConnected(connected: boolean) {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  const button = page.getByRole('button', { name: /^(Save|Disconnect)$/ });
  await button.waitFor();
  const isConnected = (await button.textContent()) === 'Disconnect';
  await page.close();
  if (connected && !isConnected) await harness.connect();
  if (!connected && isConnected) {
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Disconnect' }).click();
    await popup.getByLabel('API key').waitFor();
    await popup.close();
  }
}

// Issue 15's new panel states on a Close page, inside the panel's shadow root: collapsed to its
// title bar, and the Outcome list opened upward in a panel low in the window.
describe.each(SCHEMES)('%s: the panel on a Close page', (scheme) => {
  const IN_PANEL: [string, string] = ['close-quick-edit', '[role=dialog]'];

  test('collapsed, and with the Outcome list open upward', async () => {
    await setConnected(true);
    // In its default corner, whatever an earlier run left (this test drags it).
    const settings = await open('settings', scheme);
    await settings.evaluate(() => chrome.storage.local.remove('settings.panelPosition'));
    await settings.close();
    const page = await harness.leadPage(DEMO.leads.acme.id);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Reduced motion: the highlighted option's 80 ms colour change is over when axe looks.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Quick edit call', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /call/i });
    await dialog.getByLabel('Note').waitFor();

    await dialog.getByRole('button', { name: 'Collapse panel' }).click();
    await dialog.getByRole('button', { name: 'Expand panel' }).waitFor();
    if (process.env.SHOTS) await page.screenshot({ path: `/tmp/l15-collapsed-${scheme}.png` });
    await expectNoSeriousViolations(page, IN_PANEL);
    await dialog.getByRole('button', { name: 'Expand panel' }).click();

    // Dragged low: the list has more room above.
    const box = (await dialog.boundingBox())!;
    const grip = (await dialog.getByRole('heading', { name: 'Quick edit call' }).boundingBox())!;
    await page.mouse.move(grip.x + 10, grip.y + 5);
    await page.mouse.down();
    await page.mouse.move(grip.x + 10, grip.y + 5 + (800 - 20 - box.y - box.height), { steps: 4 });
    await page.mouse.up();
    const outcome = dialog.getByRole('combobox', { name: 'Outcome' });
    await outcome.press('Alt+ArrowDown');
    await dialog.getByRole('listbox').waitFor();
    const upward = await outcome.evaluate((input) => {
      const list = (input.getRootNode() as ShadowRoot).getElementById(input.getAttribute('aria-controls')!)!.parentElement!;
      return list.getBoundingClientRect().bottom <= input.getBoundingClientRect().top + 1;
    });
    expect(upward).toBe(true);
    await outcome.press('ArrowDown');
    if (process.env.SHOTS) await page.screenshot({ path: `/tmp/l15-upward-${scheme}.png` });
    await expectNoSeriousViolations(page, IN_PANEL);
    await page.close();
  });
});

describe('look', () => {
  test('follows the dark colour scheme and reduced motion', async () => {
    const page = await open('settings', 'light');
    const styles = () =>
      page.evaluate(() => {
        const button = document.querySelector('button')!;
        return {
          background: getComputedStyle(document.body).backgroundColor,
          transition: getComputedStyle(button).transitionDuration,
          // Chrome's own style for extension pages shrinks body text to 75 %; ours must win.
          fontSize: getComputedStyle(button).fontSize,
        };
      });
    const light = await styles();
    expect(light.background).toBe('rgb(255, 255, 255)');
    expect(light.transition).not.toBe('0s');
    expect(light.fontSize).toBe('14px');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const dark = await styles();
    expect(dark.background).toBe('rgb(30, 35, 48)');
    expect(dark.transition).toBe('0s');
    await page.close();
  });
});
