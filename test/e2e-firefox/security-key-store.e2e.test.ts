// The key where no page can reach it (issue 13), in Firefox (MV2, a background page): the key
// lives in the add-on's IndexedDB; our content script's own sandbox (reached as described in
// content-script-realm.ts) reads every storage area it can and records every storage change
// event it is told of while the rep connects, opens the panel, saves, disconnects and
// reconnects, and finds the key in no encoding; the page's main world has no extension storage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { READ_STORAGE, WATCH_STORAGE, leaksOf, type WorldStorage } from '../e2e/key-store-world';
import { contentScriptRealm, type ContentScriptRealm } from './content-script-realm';
import { APP, EXTENSION_DIR, startFirefoxHarness, type FirefoxHarness } from './harness';
import { keyStoreOf } from './key-store';
import { PANEL, POPUP, click, fill, find, textOf } from './ui';

let harness: FirefoxHarness;
const KEYS = [DEMO.apiKey, DEMO.otherApiKey];
const leaks = (value: unknown) => leaksOf(KEYS, value);
const ADDON_ID: string = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(() => harness?.close());

async function disconnect() {
  const popup = await harness.openExtensionPage('popup.html');
  await click(popup, POPUP.disconnect);
  await find(popup, POPUP.apiKey);
  await popup.close();
}

/** What the page's own scripts can reach: no extension storage, and nothing of the key. */
const mainWorld = (page: Page) =>
  page.evaluate(async () => {
    const g = globalThis as { browser?: { storage?: unknown }; chrome?: { storage?: unknown } };
    return {
      browser: typeof g.browser?.storage,
      chrome: typeof g.chrome?.storage,
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      databases: (await indexedDB.databases()).map((db) => db.name),
      html: document.documentElement.outerHTML,
      shadow: [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.innerHTML ?? '').join(''),
    };
  });

let realm: ContentScriptRealm;
let lead: Page;

test('from connect to reconnect, our content script\'s sandbox is told nothing of the key, and the page less', async () => {
  lead = await harness.leadPage(DEMO.leads.acme.id);
  await find(lead, PANEL.launcher);
  realm = await contentScriptRealm(harness, `${APP}/lead/${DEMO.leads.acme.id}/`, ADDON_ID);
  expect(await realm.evaluate('browser.runtime.id')).toBe(ADDON_ID); // our sandbox, not the page
  await realm.evaluate(WATCH_STORAGE('browser'));

  await harness.connect();
  expect(await keyStoreOf(harness)).toMatchObject({ exists: true, value: { apiKey: DEMO.apiKey, account: { userId: DEMO.me.id } } });
  await lead.bringToFront();
  await click(lead, PANEL.launcher);
  await fill(lead, PANEL.note, 'Key store proof: a note typed and saved.');
  await click(lead, PANEL.save);
  await expect.poll(() => textOf(lead, PANEL.status), { timeout: 20_000 }).toMatch(/^Saved/);

  await disconnect();
  expect(await keyStoreOf(harness)).toEqual({ exists: true, value: undefined });
  await harness.connect(DEMO.otherApiKey);
  await disconnect();
  await harness.connect();
  expect(await keyStoreOf(harness)).toMatchObject({ value: { apiKey: DEMO.apiKey } });

  const seen = await realm.evaluate<WorldStorage>(READ_STORAGE('browser'));
  // The recording heard the traffic it should have (drafts, the outbox), so its silence counts.
  expect(seen.events!.length).toBeGreaterThan(2);
  expect(seen.events!.some((e) => e.area === 'local' && Object.keys(e.changes).some((k) => k.startsWith('draft:')))).toBe(true);
  expect(seen.local.value).toBeDefined(); // readable to a content script: which is why the key is not there
  expect(Object.keys(seen.local.value!).length).toBeGreaterThan(0);
  expect(seen.session.value).toBeUndefined(); // Firefox gives content scripts no session area
  expect(leaks(seen)).toEqual([]);

  const page = await mainWorld(lead);
  expect(page.browser).toBe('undefined');
  expect(page.chrome).toBe('undefined');
  expect(page.databases).toEqual([]);
  expect(leaks(page)).toEqual([]);
});

test('control: a key put where the content script can see it is caught by the same recording', async () => {
  const popup = await harness.openExtensionPage('popup.html');
  type Local = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
  const local = (key?: string) =>
    popup.evaluate(async (value) => {
      const area = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage.local;
      if (value) await area.set({ probe: { key: value } });
      else await area.remove('probe');
    }, key);
  await local(DEMO.otherApiKey);
  await expect.poll(async () => leaks((await realm.evaluate<WorldStorage>(READ_STORAGE('browser'))).events)).toEqual([DEMO.otherApiKey]);
  await local();
  await popup.close();
  await lead.close();
});

test('an older version\'s key in storage.local moves to IndexedDB when the add-on starts again, completed by /me/', async () => {
  await disconnect();
  const before = await harness.openExtensionPage('popup.html');
  type Runtime = { reload(): void };
  type Local = { set(items: object): Promise<void> };
  // What versions before issue 13 stored (storage.local, an account without Close's ids), then
  // the add-on restarts, as after an update.
  await before.evaluate(
    async ({ apiKey, email }) => {
      const ext = (globalThis as unknown as { browser: { storage: { local: Local }; runtime: Runtime } }).browser;
      await ext.storage.local.set({ connection: { apiKey, account: { email, name: 'Old', organization: 'Old' } }, connection$: { v: 1 } });
      setTimeout(() => ext.runtime.reload(), 50);
    },
    { apiKey: DEMO.apiKey, email: DEMO.me.email },
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await before.close().catch(() => undefined); // the reload closed it already

  let popup = await harness.openExtensionPage('popup.html');
  for (let tries = 0; tries < 20 && !(await textOf(popup, POPUP.email).catch(() => undefined)); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (tries % 4 === 3) {
      await popup.close().catch(() => undefined);
      popup = await harness.openExtensionPage('popup.html');
    }
  }
  await expect.poll(() => textOf(popup, POPUP.email)).toBe(DEMO.me.email);
  expect(await textOf(popup, POPUP.organization)).toBe(DEMO.organization.name);
  await popup.close();
  const local = await harness.extensionStorage();
  expect(local.connection).toBeUndefined();
  expect(local.connection$).toBeUndefined();
  expect(leaks(local)).toEqual([]);
  expect(await keyStoreOf(harness)).toMatchObject({
    value: { apiKey: DEMO.apiKey, account: { userId: DEMO.me.id, organizationId: DEMO.organization.id, email: DEMO.me.email } },
  });
});
