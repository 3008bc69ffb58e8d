import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureFirefox } from '../../scripts/firefox.mjs';
import { createCloseStandIn, startStandInServer } from '../close-stand-in/index.mjs';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startConnectProxy } from './connect-proxy';
import { CLOSE_HOSTS, createProfile, firefoxPrefs } from './profile';
import { POPUP, click, fill, find } from './ui';

/** The build we ship to Firefox Add-ons (README); FIREFOX_BUILD=firefox-mv3 tries the other. */
export const FIREFOX_BUILD = process.env.FIREFOX_BUILD ?? 'firefox-mv2';
export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', FIREFOX_BUILD);
export const APP = 'https://app.close.com';

export type StandIn = ReturnType<typeof createCloseStandIn>;

export interface FirefoxHarness {
  standIn: StandIn;
  /** The stand-in's server, which the offline scenarios stop and start again. */
  server: Awaited<ReturnType<typeof startStandInServer>>;
  browser: Browser;
  /** moz-extension://<uuid>/<path>, fixed through the extensions.webextensions.uuids pref. */
  extensionUrl(path: string): string;
  /** Opens one of the add-on's own pages (popup.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Connects DEMO.apiKey (or another) through the popup, as a rep would. */
  connect(apiKey?: string): Promise<void>;
  leadPage(leadId: string): Promise<Page>;
  /** Runs a function in a page of the add-on, where `browser` is the WebExtension API; one that fails runs once more (a reload may have closed the page), so it must bear that. */
  inExtension<R, A>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /** What the add-on keeps in storage.local, read from one of its own pages. */
  extensionStorage(): Promise<Record<string, unknown>>;
  /** The browser's tabs, less the one inExtension keeps: those the rep and the add-on opened. */
  pages(): Promise<Page[]>;
  close(): Promise<void>;
}

export interface FirefoxHarnessOptions {
  /** An X display to run Firefox headed on (for real browser shortcuts); headless without. */
  display?: string;
  /** Extra preferences, e.g. to turn a web platform feature off. */
  prefs?: Record<string, unknown>;
}

function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${EXTENSION_DIR}/manifest.json has no gecko id.`);
  return id;
}

/**
 * puppeteer's goto() waits for a navigation event that Firefox does not send for a load into
 * the extension process; BiDi's own navigate command reports completion itself.
 */
async function navigateTo(page: Page, url: string) {
  await contextOf(page).navigate(url, 'complete');
}

function contextOf(page: Page) {
  const context = (page.mainFrame() as unknown as { browsingContext?: { id: string; navigate(url: string, wait: string): Promise<void> } })
    .browsingContext;
  if (!context) throw new Error('This puppeteer-core no longer exposes the BiDi browsing context of a frame.');
  return context;
}

type Bidi = { send(method: string, params: object): Promise<{ result: { context: string } }> };

/**
 * A tab that never takes the front from the Close page a scenario is typing in: opened in the
 * background, and right after the first tab, so never between two Close pages (closing the
 * front tab selects its neighbour). Over BiDi itself: puppeteer's newPage({ background }) also
 * sets the viewport, which in a background tab waits about a second for a paint.
 */
async function openBackgroundTab(browser: Browser, url: string): Promise<Page> {
  const [first] = await browser.pages();
  const { result } = await (browser as unknown as { connection: Bidi }).connection.send('browsingContext.create', {
    type: 'tab',
    background: true,
    ...(first ? { referenceContext: contextOf(first).id } : {}),
  });
  const page = (await browser.pages()).find((p) => contextOf(p).id === result.context);
  if (!page) throw new Error(`puppeteer did not see the tab it asked for (${result.context}).`);
  try {
    await navigateTo(page, url);
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  return page;
}

export async function startFirefoxHarness({ display, prefs = {} }: FirefoxHarnessOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`wxt build -b firefox\` first (npm test does).`);
  const id = addonId();
  const uuid = randomUUID();
  const standIn = createCloseStandIn();
  const server = await startStandInServer({ standIn, port: 0 });
  const proxy = await startConnectProxy(server.port, CLOSE_HOSTS);
  const profile = createProfile();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: ensureFirefox(),
      headless: !display,
      userDataDir: profile,
      // Without it WebDriver BiDi refuses to open moz-extension:// pages (the popup).
      args: ['--remote-allow-system-access'],
      env: { ...process.env, ...(display ? { DISPLAY: display } : {}), MOZ_CRASHREPORTER_DISABLE: '1' },
      extraPrefsFirefox: { ...firefoxPrefs({ proxyPort: proxy.port, addonId: id, uuid }), ...prefs },
      // Trust comes from the profile's certificate override for the two hosts, not from this.
      acceptInsecureCerts: false,
    });
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== id) throw new Error(`Installed add-on ${installed}, expected ${id}.`);
  } catch (error) {
    await browser?.close();
    await Promise.all([server.close(), proxy.close()]);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const ff = browser;
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  const openExtensionPage = async (path: string) => {
    const page = await ff.newPage();
    await navigateTo(page, extensionUrl(path));
    return page;
  };
  // One add-on page for every inExtension, kept: opening one per call cost ~300 ms. The manifest,
  // as a page, runs none of the add-on's code (popup.html would start the popup, and its requests).
  let kept: Promise<Page> | undefined;
  const inExtension = async <R, A>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>> => {
    for (let attempt = 1; ; attempt++) {
      const opening = (kept ??= openBackgroundTab(ff, extensionUrl('manifest.json')));
      try {
        return (await (await opening).evaluate(fn as never, arg as never)) as Awaited<R>;
      } catch (error) {
        // runtime.reload() closes the add-on's pages, and puppeteer does not notice (the page
        // stays listed, its context gone): once more in a new one.
        if (kept === opening) kept = undefined;
        void opening.then((page) => page.close()).catch(() => undefined);
        if (attempt === 2) throw error;
      }
    }
  };

  return {
    standIn,
    server,
    browser: ff,
    extensionUrl,
    openExtensionPage,
    async connect(apiKey = DEMO.apiKey) {
      const popup = await openExtensionPage('popup.html');
      await fill(popup, POPUP.apiKey, apiKey);
      await click(popup, POPUP.save);
      await find(popup, POPUP.disconnect);
      await popup.close();
    },
    async leadPage(leadId: string) {
      const page = await ff.newPage();
      await page.goto(`${APP}/lead/${leadId}/`);
      return page;
    },
    inExtension,
    extensionStorage: () =>
      inExtension(() =>
        (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } })
          .browser.storage.local.get(null),
      ),
    async pages() {
      const own = await kept?.catch(() => undefined);
      return (await ff.pages()).filter((page) => page !== own);
    },
    async close() {
      await ff.close();
      await Promise.all([server.close(), proxy.close()]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The API requests the stand-in received, optionally of one method. */
export const apiRequests = (standIn: StandIn, method?: string) =>
  standIn.requests.filter((r: { host: string; method: string }) => r.host === 'api.close.com' && (!method || r.method === method));

export const basicAuth = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
