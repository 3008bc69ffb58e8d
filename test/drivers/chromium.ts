import { expect } from 'vitest';
import { readKeyStore } from '../e2e/key-store-world';
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { startHarness, type Harness } from '../e2e/harness';
import { startVirtualDisplay } from '../e2e-firefox/virtual-display';
import { contentScriptWorld } from '../e2e/security-worlds';
import { isRichBox, shownText } from './box-text';
import { standInSocket } from './stand-in-socket';
import { APP, type Driver, type DriverOptions, type El, type Scope, type Tab, type Target } from './driver';

// The scenario driver in Chromium: the production MV3 build, Playwright over the DevTools
// protocol (test/e2e/harness.ts starts it against the stand-in).

function scopeOf(page: Page, scope: Scope | undefined): Page | Locator {
  if (scope && typeof scope === 'object') return page.locator(`close-quick-edit-feed[data-call-id="${scope.feed}"]`);
  // Playwright's locators pierce open shadow roots by themselves: the panel needs no prefix.
  return scope === 'panel' ? page.locator('close-quick-edit') : page;
}

function locate(page: Page, target: Target): Locator {
  const base = scopeOf(page, target.in);
  if ('role' in target)
    return base.getByRole(target.role as Parameters<Page['getByRole']>[0], target.name === undefined ? {} : { name: target.name, exact: true });
  if ('label' in target) return base.getByLabel(target.label, { exact: true });
  return base.locator(target.css);
}

function element(page: Page, target: Target): El {
  const locator = () => locate(page, target).first();
  const present = async () => (await locate(page, target).count()) > 0;
  return {
    waitFor: () => locator().waitFor(),
    count: () => locate(page, target).count(),
    click: () => locator().click(),
    async fill(text) {
      const field = locator();
      if (!(await field.evaluate(isRichBox))) return field.fill(text);
      // The Note editor: fill() would insert the text in one go, "\n" and all, which no rep can;
      // select everything and type it, Enter for each line break, as a rep does.
      await field.focus();
      await field.press('Control+a');
      await field.pressSequentially(text);
    },
    async typeAtEnd(text) {
      const field = locator();
      await field.evaluate((el) => {
        (el as HTMLElement).focus();
        if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length);
      });
      if (await field.evaluate(isRichBox)) await field.press('Control+End');
      await field.pressSequentially(text);
    },
    press: (keys) => locator().press(keys),
    // Real arrow keys, as a rep picks: selectOption() sets the value from a script (an untrusted
    // change event), which our controls ignore like a page script's (issue 13).
    async select(value) {
      const select = locator();
      const values = await select.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
      const to = values.indexOf(value);
      if (to < 0) throw new Error(`No option ${value} in ${JSON.stringify(values)}`);
      await select.focus();
      for (let at = values.indexOf(await select.inputValue()); at !== to; at += at < to ? 1 : -1)
        await select.press(at < to ? 'ArrowDown' : 'ArrowUp');
      await expect.poll(() => select.inputValue()).toBe(value);
    },
    value: async () =>
      (await present())
        ? locator().evaluate(shownText)
        : undefined,
    text: async () => ((await present()) ? ((await locator().textContent()) ?? '') : undefined),
    attribute: async (name) => ((await present()) ? locator().getAttribute(name) : undefined),
    isFocused: async () =>
      (await present()) && locator().evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement),
    evaluate: (fn, arg) => locator().evaluate(fn as (el: Element, a: unknown) => unknown, arg) as never,
  };
}

function tab(page: Page, harness: Harness): Tab {
  return {
    get: (target) => element(page, target),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    // Playwright evaluates in the main world only; the DevTools protocol lists the isolated one.
    contentScriptWorld: () => contentScriptWorld(harness.context, page, harness.extensionId),
    async writeClipboard(items) {
      // Headless Chromium asks no one: the permission is granted to Close's origin instead.
      await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
      await page.evaluate(async (entries) => {
        const blobs = Object.fromEntries(Object.entries(entries).map(([type, text]) => [type, new Blob([text], { type })]));
        await navigator.clipboard.write([new ClipboardItem(blobs)]);
      }, items);
    },
    async compose(steps, commit) {
      const cdp = await harness.context.newCDPSession(page);
      for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text: commit });
      await cdp.detach();
    },
    close: () => page.close(),
  };
}

export async function startChromiumDriver({ realKeys = false }: DriverOptions = {}): Promise<Driver & { harness: Harness }> {
  const display = realKeys ? await startVirtualDisplay() : undefined;
  const harness = await startHarness({ display: display?.display }).catch((error) => {
    display?.stop();
    throw error;
  });
  const extensionUrl = (path: string) => `chrome-extension://${harness.extensionId}/${path.replace(/^\//, '')}`;
  const inWorker = async <R, A>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> =>
    (await (await harness.worker()).evaluate(fn as never, arg)) as Awaited<R>;
  return {
    browser: 'chromium',
    can: { imeComposition: true },
    harness,
    standIn: harness.standIn,
    extensionId: harness.extensionId,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await harness.context.newPage();
      await page.goto(extensionUrl(path));
      return tab(page, harness);
    },
    async openClosePage(path, { beforeLoad } = {}) {
      const page = await harness.context.newPage();
      if (beforeLoad) await page.addInitScript(beforeLoad);
      await page.goto(`${APP}${path}`);
      return tab(page, harness);
    },
    hasTab: async (prefix) => harness.context.pages().some((page) => page.url().startsWith(prefix)),
    connect: (apiKey) => harness.connect(apiKey),
    storage: () => inWorker(() => chrome.storage.local.get(null)),
    keyStore: async () => (await harness.worker()).evaluate(readKeyStore),
    setStorage: (items) => inWorker((i) => chrome.storage.local.set(i), items),
    removeStorage: (key) => inWorker((k) => chrome.storage.local.remove(k), key),
    commands: () => inWorker(() => chrome.commands.getAll()),
    async pressRealKeys(chord) {
      if (!display) throw new Error('Real key presses need the driver started with { realKeys: true }.');
      const key = spawnSync('xdotool', ['key', '--clearmodifiers', chord], { env: { ...process.env, DISPLAY: display.display } });
      if (key.status !== 0) throw new Error(`xdotool failed: ${key.stderr}`);
    },
    stopBackground: () => harness.stopWorker(),
    // A stopped MV3 worker starts from the top at the next event, as after an update.
    restartExtension: () => harness.stopWorker(),
    // DevTools network emulation for every page and the service worker (Playwright applies a
    // context's offline state to its service workers too); the browser fires online/offline.
    setOffline: (offline) => harness.context.setOffline(offline),
    standInSocket: standInSocket(harness.server),
    alarms: () => inWorker(() => new Promise<string[]>((resolve) => chrome.alarms.getAll((all: { name: string }[]) => resolve(all.map((a) => a.name))))),
    clearAlarms: () => inWorker(() => new Promise<void>((resolve) => chrome.alarms.clearAll(() => resolve()))),
    async close() {
      await harness.close();
      display?.stop();
    },
  };
}
