import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftItem } from '@/utils/draft-store';
import type { CallId } from '@/utils/close/ids';
import { NOTE_MS } from './LauncherNote';
import { createController, type Controller } from '@/utils/content/controller';
import type { MountPanel, PanelView } from '@/utils/content/lazy-panel';
import { createShadowHost } from '@/utils/content/shadow-host';
import type { PageTarget } from '@/utils/page';
import { mountQuickEdit } from './QuickEdit';

const LEAD: PageTarget = { leadId: 'lead_0123456789abcdefghijAB' };
const OTHER: PageTarget = { leadId: 'lead_0123456789abcdefghijCD' };

/** A panel script stand-in that records what the view asks of it. */
function fakePanel() {
  type Render = Parameters<PanelView['render']>;
  const calls: { target: Render[0]; onClose: Render[1]; view: Render[2]; showing: Render[3] }[] = [];
  let mounted = 0;
  let unmounted = 0;
  const mount: MountPanel = (container): PanelView => {
    mounted++;
    const root = document.createElement('section');
    root.setAttribute('role', 'dialog');
    container.append(root);
    return {
      render: (target, onClose, view, showing) => void calls.push({ target, onClose, view, showing }),
      unmount: () => {
        unmounted++;
        root.remove();
      },
    };
  };
  return { mount, calls, counts: () => ({ mounted, unmounted }) };
}

const launcherIn = (root: ParentNode) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Quick edit call'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let controller: Controller;
let shadow: ShadowRoot;
let container: HTMLElement;

beforeEach(() => {
  document.body.replaceChildren();
  const host = createShadowHost('close-quick-edit', '');
  document.body.append(host.host);
  shadow = host.shadow;
  container = host.container;
});

describe('the launcher', () => {
  it('is there only while the page has a call', () => {
    controller = createController(undefined);
    mountQuickEdit(container, controller, vi.fn());
    expect(launcherIn(shadow)).toBeUndefined();
    controller.setTarget(LEAD);
    expect(launcherIn(shadow)?.textContent).toBe('✎ Quick edit call');
    controller.setTarget(undefined);
    expect(launcherIn(shadow)).toBeUndefined();
  });

  it('starts loading the panel when a pointer reaches it or it gets focus', () => {
    controller = createController(LEAD);
    const load = vi.fn(() => new Promise<MountPanel>(() => undefined));
    mountQuickEdit(container, controller, load);
    launcherIn(shadow)!.dispatchEvent(new Event('pointerenter'));
    expect(load).toHaveBeenCalled();
  });
});

/** A click as a person makes it: the launcher acts only on trusted events (SECURITY.md). */
function realClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

describe('the panel', () => {
  it('is loaded on the first open, shown for the page’s target, and replaced by the focused launcher on close', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    const load = vi.fn(async () => panel.mount);
    mountQuickEdit(container, controller, load);
    launcherIn(shadow)!.focus();
    launcherIn(shadow)!.click(); // a script's click (untrusted) does nothing
    expect(launcherIn(shadow)).toBeDefined();
    expect(panel.calls).toEqual([]);
    realClick(launcherIn(shadow)!);
    expect(launcherIn(shadow)).toBeUndefined();
    await settle();
    expect(panel.calls.map((c) => c.target)).toEqual([LEAD]);
    expect(shadow.querySelector('[role="dialog"]')).not.toBeNull();

    panel.calls[0]!.onClose();
    expect(panel.counts()).toEqual({ mounted: 1, unmounted: 1 });
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(shadow.activeElement).toBe(launcherIn(shadow));

    const loads = load.mock.calls.length;
    controller.open(); // the keyboard command
    expect(load).toHaveBeenCalledTimes(loads); // the script is loaded once per page
    expect(panel.counts().mounted).toBe(2);
    expect(panel.calls).toHaveLength(2);
  });

  it('follows a navigation to another lead, and closes on a page without a call', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    mountQuickEdit(container, controller, async () => panel.mount);
    controller.open();
    await settle();
    controller.setTarget(OTHER);
    expect(panel.calls.map((c) => c.target)).toEqual([LEAD, OTHER]);
    controller.setTarget(undefined);
    expect(panel.counts().unmounted).toBe(1);
    expect(launcherIn(shadow)).toBeUndefined();
  });

  it('opens on a feed item’s call, and gives focus back to that item’s button (in its own shadow root)', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    mountQuickEdit(container, controller, async () => panel.mount);
    const feed = createShadowHost('close-quick-edit-feed', '');
    const button = document.createElement('button');
    feed.container.append(button);
    document.body.append(feed.host);
    button.focus();
    const call = 'acti_0123456789abcdefghijAB';
    controller.openCall(call);
    await settle();
    expect(panel.calls.map((c) => c.target)).toEqual([{ ...LEAD, callId: call }]);
    panel.calls[0]!.onClose();
    expect(feed.shadow.activeElement).toBe(button);
    expect(document.activeElement).toBe(feed.host);
    // The launcher is back for the page's own call.
    expect(launcherIn(shadow)).toBeDefined();
    expect(controller.get().target).toEqual(LEAD);
  });

  it('is not shown when closed before its script arrived', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    let arrive!: (mount: MountPanel) => void;
    mountQuickEdit(container, controller, () => new Promise((resolve) => (arrive = resolve)));
    controller.open();
    controller.close();
    arrive(panel.mount);
    await settle();
    expect(panel.counts().mounted).toBe(0);
    expect(launcherIn(shadow)).toBeDefined();
  });

  it('says what to do when its script cannot be loaded, and Esc closes that', async () => {
    controller = createController(LEAD);
    mountQuickEdit(container, controller, () => Promise.reject(new Error('Extension context invalidated.')));
    controller.open();
    await settle();
    const dialog = shadow.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Quick edit call');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(/Reload this page/);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(controller.get().open).toBe(false);
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe('notes where the launcher is (issue 15)', () => {
  const CALL = 'acti_0123456789abcdefghijAB' as CallId;
  const note = () => shadow.querySelector('.note');
  beforeEach(() => fakeBrowser.reset());

  it('says “Draft saved” when the panel closes with text not yet saved, and nothing without', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    mountQuickEdit(container, controller, async () => panel.mount);
    controller.open();
    await settle();
    panel.calls[0]!.showing(CALL);
    panel.calls[0]!.onClose();
    await settle();
    expect(note()).toBeNull();

    controller.open();
    await settle();
    panel.calls[1]!.showing(CALL);
    await draftItem(CALL).setValue({ note: { text: 'Call back Monday' }, savedAt: Date.now() });
    panel.calls[1]!.onClose();
    await settle();
    expect(note()?.getAttribute('role')).toBe('status');
    expect(note()?.textContent).toBe('Draft saved');
    // Right above the launcher, which keeps focus.
    expect(note()?.previousElementSibling).toBe(launcherIn(shadow));
    expect(shadow.activeElement).not.toBe(note());

    // A draft already handed to a save is not the rep's to save.
    controller.open();
    await settle();
    expect(note()).toBeNull();
    await draftItem(CALL).setValue({ note: { text: 'Call back Monday' }, saveId: 'save-1', savedAt: Date.now() });
    panel.calls[2]!.showing(CALL);
    panel.calls[2]!.onClose();
    await settle();
    expect(note()).toBeNull();
  });

  it('shows the note the panel closed with, whose button works once and then goes, focus to the launcher', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      controller = createController(LEAD);
      const panel = fakePanel();
      mountQuickEdit(container, controller, async () => panel.mount);
      controller.open();
      await vi.advanceTimersByTimeAsync(0);
      const undo = vi.fn();
      panel.calls[0]!.onClose({ text: 'Saved', action: { label: 'Undo', run: undo }, ms: 15_000 });
      expect(note()?.textContent).toBe('Saved · Undo');
      const button = note()!.querySelector('button')!;
      button.click(); // a page script's click does nothing
      expect(undo).not.toHaveBeenCalled();
      button.focus();
      realClick(button);
      expect(undo).toHaveBeenCalledOnce();
      expect(note()).toBeNull();
      expect(shadow.activeElement).toBe(launcherIn(shadow));

      panel.calls[0]!.onClose({ text: 'Saved', action: { label: 'Undo', run: undo }, ms: 15_000 });
      await vi.advanceTimersByTimeAsync(14_000);
      expect(note()).not.toBeNull();
      await vi.advanceTimersByTimeAsync(1_500);
      expect(note()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says “No call on this page” for the shortcut where there is none, for a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      controller = createController(undefined);
      const view = mountQuickEdit(container, controller, vi.fn());
      view.noCall();
      expect(note()?.textContent).toBe('No call on this page');
      expect(note()?.getAttribute('role')).toBe('status');
      await vi.advanceTimersByTimeAsync(NOTE_MS + 10);
      expect(note()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells the page which call the panel shows, and that none is once it closed', async () => {
    controller = createController(LEAD);
    const panel = fakePanel();
    const setCurrent = vi.fn();
    mountQuickEdit(container, controller, async () => panel.mount, () => ({ setCurrent, refresh: vi.fn() }));
    controller.openCall(CALL);
    expect(setCurrent).toHaveBeenLastCalledWith(CALL);
    await settle();
    const other = 'acti_0123456789abcdefghijCD' as CallId;
    panel.calls[0]!.showing(other);
    expect(setCurrent).toHaveBeenLastCalledWith(other);
    controller.close();
    expect(setCurrent).toHaveBeenLastCalledWith(undefined);
  });
});

describe('the shadow host', () => {
  it('is open, and keeps key events from reaching the page', () => {
    const host = document.querySelector('close-quick-edit')!;
    expect(host.shadowRoot).toBe(shadow);
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (e) => pageKeys.push(e.key));
    const input = document.createElement('textarea');
    container.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'g', bubbles: true, composed: true }));
    expect(pageKeys).toEqual([]);
  });
});
