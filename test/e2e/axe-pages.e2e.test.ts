import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './axe';
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

async function expectNoSeriousViolations(page: Page) {
  const violations = await axeViolations(page);
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
