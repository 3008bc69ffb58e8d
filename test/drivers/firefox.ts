import { expect } from 'vitest';
import { inChromeWindow } from '../e2e-firefox/chrome-window';
import { readKeyStore } from '../e2e/key-store-world';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { EXTENSION_DIR, startFirefoxHarness, type FirefoxHarness } from '../e2e-firefox/harness';
import { contentScriptRealm } from './firefox-content-script';
import { controlOf, locateAll, waitForTarget } from './firefox-locate';
import { startVirtualDisplay } from '../e2e-firefox/virtual-display';
import { isRichBox, shownText } from './box-text';
import { standInSocket } from './stand-in-socket';
import { APP, type Command, type Driver, type DriverOptions, type El, type Tab, type Target } from './driver';

// The scenario driver in Firefox ESR: the shipped MV2 build over WebDriver BiDi (puppeteer-core;
// test/e2e-firefox/harness.ts starts it against the stand-in). Elements are found by role and
// name as Firefox's accessibility engine computes them (BiDi's accessibility locator; firefox-locate.ts).

/** 'Control+Enter' as puppeteer's down/press/up. */
async function pressChord(page: Page, keys: string) {
  const parts = keys.split('+');
  const key = parts.pop()!;
  for (const modifier of parts) await page.keyboard.down(modifier as never);
  await page.keyboard.press(key as never);
  for (const modifier of parts.reverse()) await page.keyboard.up(modifier as never);
}

function element(page: Page, target: Target): El {
  const find = async () => controlOf(await waitForTarget(page, target));
  const now = async () => {
    const [handle] = await locateAll(page, target);
    return handle ? controlOf(handle) : undefined;
  };
  return {
    waitFor: async () => void (await find()),
    count: async () => (await locateAll(page, target)).length,
    click: async () => (await find()).click(),
    async fill(text) {
      const field = await find();
      if (await field.evaluate(isRichBox)) {
        // The Note editor has no select(): select everything with the keyboard, as a rep does.
        await field.focus();
        await pressChord(page, 'Control+a');
      } else await field.evaluate((el) => (el as HTMLInputElement).select());
      await field.type(text);
    },
    async typeAtEnd(text) {
      const field = await find();
      await field.evaluate((el) => {
        (el as HTMLElement).focus();
        if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length);
      });
      if (await field.evaluate(isRichBox)) await pressChord(page, 'Control+End');
      await field.type(text);
    },
    async press(keys) {
      await (await find()).focus();
      await pressChord(page, keys);
    },
    // Real arrow keys, as a rep picks: select() sets the value from a script (an untrusted
    // change event), which our controls ignore like a page script's (issue 13).
    async select(value) {
      const select = await find();
      const current = () => select.evaluate((el) => (el as HTMLSelectElement).value);
      const values = await select.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
      const to = values.indexOf(value);
      if (to < 0) throw new Error(`No option ${value} in ${JSON.stringify(values)}`);
      await select.focus();
      for (let at = values.indexOf(await current()); at !== to; at += at < to ? 1 : -1)
        await page.keyboard.press(at < to ? 'ArrowDown' : 'ArrowUp');
      await expect.poll(current).toBe(value);
    },
    value: async () =>
      (await now())?.evaluate(shownText),
    text: async () => (await now())?.evaluate((el) => el.textContent ?? ''),
    attribute: async (name) => (await now())?.evaluate((el, n) => el.getAttribute(n), name),
    isFocused: async () => (await (await now())?.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement)) ?? false,
    evaluate: async (fn, arg) => (await find()).evaluate(fn as never, arg) as never,
  };
}

type ViewportContext = {
  browsingContext: { setViewport(options: { viewport: { width: number; height: number }; devicePixelRatio: null }): Promise<void> };
};

/** BiDi's own browsingContext.setViewport: puppeteer's page.setViewport also sends
 * emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know. */
function setViewport(page: Page, width: number, height: number): Promise<void> {
  const frame = page.mainFrame() as unknown as ViewportContext;
  return frame.browsingContext.setViewport({ viewport: { width, height }, devicePixelRatio: null });
}

function tab(page: Page, harness: FirefoxHarness, addonId: string): Tab {
  return {
    get: (target) => element(page, target),
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (keys) => pressChord(page, keys),
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => setViewport(page, width, height),
    bringToFront: () => page.bringToFront(),
    contentScriptWorld: async () => contentScriptRealm(harness, await page.evaluate(() => location.href), addonId),
    // Firefox's own clipboard: BiDi runs the script with user activation, which clipboard.write
    // needs; a BiDi Ctrl+V then makes Firefox itself fire the trusted paste.
    writeClipboard: (items) =>
      page.evaluate(async (entries) => {
        const blobs = Object.fromEntries(Object.entries(entries).map(([type, text]) => [type, new Blob([text], { type })]));
        await navigator.clipboard.write([new ClipboardItem(blobs)]);
      }, items),
    async compose() {
      throw new Error('WebDriver BiDi has no IME API: Firefox cannot compose here (driver.can.imeComposition is false).');
    },
    close: () => page.close(),
  };
}

/** The add-on's gecko id (what browser.runtime.id answers), from the build's manifest. */
const addonIdOf = (): string => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

type ExtensionGlobal = {
  browser: {
    storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(i: object): Promise<void>; remove(k: string): Promise<void> } };
    commands: { getAll(): Promise<Command[]> };
    runtime: { reload(): void; getBackgroundPage(): Promise<unknown> };
    alarms: { getAll(): Promise<{ name: string }[]>; clearAll(): Promise<boolean> };
  };
};

export async function startFirefoxDriver({ realKeys = false }: DriverOptions = {}): Promise<Driver & { harness: FirefoxHarness }> {
  const display = realKeys ? await startVirtualDisplay() : undefined;
  const harness = await startFirefoxHarness({
    display: display?.display,
    // The stand-in is reached through a loopback proxy, which Firefox keeps open while offline
    // unless told otherwise: with this, offline means offline for it too (setOffline below).
    prefs: { 'network.disable-localhost-when-offline': true },
  }).catch((error) => {
    display?.stop();
    throw error;
  });
  const inExtension = harness.inExtension;
  const addonId = addonIdOf();
  return {
    browser: 'firefox',
    can: { imeComposition: false },
    harness,
    standIn: harness.standIn,
    extensionId: addonId,
    extensionUrl: (path) => harness.extensionUrl(path),
    openExtensionPage: async (path) => tab(await harness.openExtensionPage(path), harness, addonId),
    async openClosePage(path, { beforeLoad } = {}) {
      const page = await harness.browser.newPage();
      if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
      await page.goto(`${APP}${path}`);
      return tab(page, harness, addonId);
    },
    async hasTab(prefix) {
      const urls = await Promise.all((await harness.pages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
      return urls.some((url) => url.startsWith(prefix));
    },
    connect: (apiKey) => harness.connect(apiKey),
    storage: () => harness.extensionStorage(),
    // From one of the add-on's pages: the background page's origin, so the same IndexedDB.
    keyStore: () => inExtension(readKeyStore),
    // Each function runs in the add-on's page: it can name nothing from here but its argument.
    setStorage: (items) => inExtension((i) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.set(i), items),
    removeStorage: (key) => inExtension((k) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.remove(k), key),
    commands: () => inExtension(() => (globalThis as unknown as ExtensionGlobal).browser.commands.getAll()),
    async pressRealKeys(chord) {
      if (!display) throw new Error('Real key presses need the driver started with { realKeys: true }.');
      const key = spawnSync('xdotool', ['key', '--clearmodifiers', chord], { env: { ...process.env, DISPLAY: display.display } });
      if (key.status !== 0) throw new Error(`xdotool failed: ${key.stderr}`);
    },
    async stopBackground() {
      throw new Error('Firefox keeps the MV2 background page running: it has no idle stop to reproduce.');
    },
    async restartExtension() {
      const page = await harness.openExtensionPage('popup.html');
      // Reloaded a moment later, so this evaluation returns before its page goes with the add-on.
      await page.evaluate(() => void setTimeout(() => (globalThis as unknown as ExtensionGlobal).browser.runtime.reload(), 50));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await page.close().catch(() => undefined); // the reload closed it already
      // Back once one of its pages loads again and finds the background page running.
      for (let tries = 0; ; tries++) {
        const ready = await inExtension(async () => Boolean(await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage())).catch(() => false);
        if (ready) return;
        if (tries >= 40) throw new Error('The add-on did not come back after runtime.reload().');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async setOffline(offline) {
      // Firefox's own offline mode (File > Work Offline), set with the browser's privileges over
      // BiDi (chrome-window.ts; the harness allows system access): every window, the add-on's background page too,
      // loses the network and gets offline/online events. BiDi's emulation.setNetworkConditions
      // would not do: it leaves the background page online (seen on Firefox 153 ESR).
      await inChromeWindow(harness.browser, `(Services.io.manageOfflineStatus = false, Services.io.offline = ${offline})`);
      // Going offline also ends the connections already open, as a lost network does; Firefox
      // would otherwise keep using a kept-alive tunnel to the stand-in.
      if (offline) harness.server.server.closeAllConnections();
    },
    standInSocket: standInSocket(harness.server),
    alarms: () =>
      inExtension(async () => (await (globalThis as unknown as ExtensionGlobal).browser.alarms.getAll()).map((alarm) => alarm.name)),
    clearAlarms: () => inExtension(async () => void (await (globalThis as unknown as ExtensionGlobal).browser.alarms.clearAll())),
    async close() {
      await harness.close();
      display?.stop();
    },
  };
}
