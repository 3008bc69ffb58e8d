import { browser } from 'wxt/browser';
import type { CallId } from '../close/ids';
import type { PageTarget } from '../page';
import type { PanelViewName } from './controller';

// The panel (Preact, DOMPurify, drafts, the editor) is a separate script, loaded on the first
// open: most Close pages a rep visits never open it, and they should not pay for it (issue 6,
// BENCHMARKS.md). WXT builds content scripts as one IIFE without code splitting, so the panel is
// an unlisted script (entrypoints/quick-edit-panel.tsx), web-accessible to app.close.com only,
// that the content script imports. An imported module runs in the content script's isolated
// world, with the same extension APIs; it hands its mount function over through that world's
// global object, which Close's own scripts cannot see.
//
// The two bundles share no module state: anything both need (the controller, the target) is
// passed in, and the panel script listens for its own messages.

/** Must match the entrypoint's file name and `web_accessible_resources` in wxt.config.ts. */
export const PANEL_SCRIPT = '/quick-edit-panel.js';

/** A note shown where the launcher is once the panel closed ("Saved · Undo"; issue 15). */
export interface PanelNote {
  text: string;
  action?: { label: string; run(): void };
  /** How long it stays (ms): as long as its action can still be taken. */
  ms?: number;
}

export interface PanelView {
  /**
   * Shows the panel for this target (or switches it to a new one), or Calls to log (`view`).
   * `onClose` may carry a note to show where the launcher is; `showing` tells the page which call
   * the panel edits now (it marks that call's feed item), undefined while none.
   */
  render(
    target: PageTarget,
    onClose: (note?: PanelNote) => void,
    view: PanelViewName | undefined,
    showing: (callId: CallId | undefined) => void,
  ): void;
  unmount(): void;
}

/** What the panel script provides: a panel rendered into `container`, inside our shadow root. */
export type MountPanel = (container: HTMLElement) => PanelView;

const KEY = Symbol.for('close-quick-edit.panel');
type Slot = { [KEY]?: MountPanel };

/** Called by the panel script when it is evaluated. */
export function providePanel(mount: MountPanel): void {
  (globalThis as Slot)[KEY] = mount;
}

let loading: Promise<MountPanel> | undefined;

/** The panel script, imported once per page; a failed load is tried again on the next open. */
export function loadPanel(): Promise<MountPanel> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(PANEL_SCRIPT)).then(() => {
    const mount = (globalThis as Slot)[KEY];
    if (!mount) throw new Error(`${PANEL_SCRIPT} did not provide the panel`);
    return mount;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

let idleAsked = false;

/**
 * Once the launcher is on the page: fetch (and evaluate) the panel script when the page is idle,
 * so the first open does not wait for it (issue 12: the editor made it about 115 KB gzip). Once
 * per page; a failure is left for the open to retry.
 */
export function preloadPanelWhenIdle(load: () => Promise<unknown> = loadPanel): void {
  if (idleAsked) return;
  idleAsked = true;
  const run = () => void load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5_000 });
  else setTimeout(run, 1_000);
}
