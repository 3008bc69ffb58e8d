import type { createCloseStandIn } from '../close-stand-in/index.mjs';

// What an end-to-end scenario may do with a browser: written once against this, run in
// Chromium (chromium.ts, Playwright) and in Firefox (firefox.ts, WebDriver BiDi). Everything is
// found by role and accessible name as UI-CONTRACT.md promises, and acted on with real input.

export type StandIn = ReturnType<typeof createCloseStandIn>;
export type BrowserName = 'chromium' | 'firefox';
export const APP = 'https://app.close.com';

/** Where to look: the page's own DOM, the panel's shadow root, or one feed button's. */
export type Scope = 'page' | 'panel' | { feed: string };

/** One element (or none yet), found by role and name, by label, or by CSS as a last resort. */
export type Target = ({ role: string; name?: string } | { label: string } | { css: string }) & { in?: Scope };

export interface El {
  /** Waits for it to be visible. */
  waitFor(): Promise<void>;
  /** How many match right now (0 while absent); never waits. */
  count(): Promise<number>;
  click(): Promise<void>;
  /** Replaces the field's text with real typing (or the browser's own text insertion). */
  fill(text: string): Promise<void>;
  /** Puts the caret at the end of the field's text and types there. */
  typeAtEnd(text: string): Promise<void>;
  /** Focuses it and presses a key or chord, e.g. 'Escape', 'Control+Enter'. */
  press(keys: string): Promise<void>;
  /** Picks an option of a <select> by its value. */
  select(value: string): Promise<void>;
  /** A form control's value (or a rich box's text); undefined while absent. */
  value(): Promise<string | undefined>;
  /** Its text content; undefined while absent. */
  text(): Promise<string | undefined>;
  attribute(name: string): Promise<string | null | undefined>;
  /** Whether it has focus inside its own tree (document or shadow root). */
  isFocused(): Promise<boolean>;
  /** Runs a function on the element inside the page. */
  evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R, arg?: A): Promise<Awaited<R>>;
}

/** Our content script's own world in a tab (isolated world, Firefox's sandbox): not the page's. */
export interface ContentScriptWorld {
  /** Evaluates a script (an expression, as text: nothing of the test's scope goes in) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export interface Tab {
  get(target: Target): El;
  url(): Promise<string>;
  /** Runs a function inside the page (page script's view, as Close's own code would). */
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /** Real key presses to whatever has focus. */
  press(keys: string): Promise<void>;
  type(text: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** Our content script's world in this tab's top frame, as the browser's automation reaches it. */
  contentScriptWorld(): Promise<ContentScriptWorld>;
  /** Puts one item (MIME type → text) on the browser's own clipboard, as Word or a text editor would. */
  writeClipboard(items: Record<string, string>): Promise<void>;
  /**
   * An IME composition into the focused field: each of `steps` as the composition's text so
   * far, then `commit` as the committed text. Only where `driver.can.imeComposition`.
   */
  compose(steps: string[], commit: string): Promise<void>;
  close(): Promise<void>;
}

/** What one browser's automation can do and the other's cannot: scenarios guard on these by name. */
export interface Capabilities {
  /** Composition events from an IME: CDP has Input.imeSetComposition; WebDriver BiDi has no IME API. */
  imeComposition: boolean;
}

export interface Command {
  name?: string;
  shortcut?: string;
  description?: string;
}

export interface Driver {
  browser: BrowserName;
  can: Capabilities;
  standIn: StandIn;
  /** The extension's id as browser.runtime.id gives it (Firefox: the add-on's gecko id, not its moz-extension uuid). */
  extensionId: string;
  /** The extension's own page's URL, e.g. popup.html. */
  extensionUrl(path: string): string;
  openExtensionPage(path: string): Promise<Tab>;
  /** A page of app.close.com; `beforeLoad` runs in it before any of the page's scripts. */
  openClosePage(path: string, options?: { beforeLoad?: () => void }): Promise<Tab>;
  /** Whether a tab whose URL starts with this is open (polled by scenarios). */
  hasTab(urlPrefix: string): Promise<boolean>;
  /** Connects DEMO.apiKey (or another) through the popup, as a rep would. */
  connect(apiKey?: string): Promise<void>;
  /** What the extension keeps in storage.local, read from inside the extension. */
  storage(): Promise<Record<string, unknown>>;
  /** The background's key store record (its own IndexedDB, where no content script reaches; issue 13). */
  keyStore(): Promise<{ exists: boolean; value?: unknown }>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  removeStorage(key: string): Promise<void>;
  /** browser.commands.getAll(), as the browser registered them. */
  commands(): Promise<Command[]>;
  /** A key chord through the X server (xdotool), so browser-level shortcuts see it; needs `display`. */
  pressRealKeys(chord: string): Promise<void>;
  /** Stops the extension's background the way the browser does when idle, where the browser can. */
  stopBackground(): Promise<void>;
  /**
   * The extension's background starts anew, as after an update: Chromium stops the MV3 worker
   * (the next event starts it), Firefox reloads the add-on (runtime.reload()) and waits for it.
   */
  restartExtension(): Promise<void>;
  /** The browser's own network emulation (DevTools / BiDi): offline, or back online. */
  setOffline(offline: boolean): Promise<void>;
  /** The stand-in stops accepting connections (refuse) or listens again on its port (accept). */
  standInSocket: { refuse(): Promise<void>; accept(): Promise<void> };
  /** The names of the extension's pending alarms (browser.alarms.getAll()). */
  alarms(): Promise<string[]>;
  /** Clears every alarm of the extension, so only another path can deliver a waiting save. */
  clearAlarms(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Run headed on a fresh virtual X display, so real key presses reach browser shortcuts. */
  realKeys?: boolean;
}
