import { i18n } from '@/utils/content/i18n';
import type { Controller, QuickEditState } from '@/utils/content/controller';
import { hasUnsavedDraft } from '@/utils/content/drafts-on-page';
import { preloadPanelWhenIdle, type MountPanel, type PanelNote, type PanelView } from '@/utils/content/lazy-panel';
import { applyPageTheme } from '@/utils/content/shadow-host';
import type { CallId } from '@/utils/close/ids';
import { createLauncher } from './Launcher';
import { createLauncherNotes } from './LauncherNote';

/** What ties the panel to Close's page (utils/content/page-marks.ts); none in unit tests of this view. */
export interface PageMarksLike {
  setCurrent(callId: CallId | undefined): void;
  refresh(): void;
}

/**
 * Everything the content script shows: the launcher where the page has a call, and the panel,
 * whose script is loaded on the first open. Plain DOM; only the panel uses Preact.
 */
export function mountQuickEdit(
  container: HTMLElement,
  controller: Controller,
  loadPanel: () => Promise<MountPanel>,
  pageMarks?: (launcher: HTMLElement) => PageMarksLike,
) {
  let mountPanel: MountPanel | undefined;
  const preload = () => void (mountPanel ?? loadPanel().catch(() => undefined));
  const launcher = createLauncher(controller.open, preload);
  const notes = createLauncherNotes(container, launcher);
  const marks = pageMarks?.(launcher);
  const words = fallbackWords();
  // The call the open panel edits: what it last said it shows, else the one it was opened on.
  let showing: CallId | undefined;
  let closingNote: PanelNote | undefined;
  let shownTarget: QuickEditState['target'];
  const onClose = (note?: PanelNote) => {
    closingNote = note;
    controller.close();
  };
  const onShowing = (callId: CallId | undefined) => {
    if (!controller.get().open) return;
    showing = callId;
    marks?.setCurrent(callId);
  };
  let panel: PanelView | undefined;
  let failure: HTMLElement | undefined;
  // Where focus was before the panel opened: Close's page (shortcut), our launcher or a feed
  // item's button (inside its own shadow root: the page only sees that host element).
  let returnTo: Element | null = null;

  function showPanel(mount: MountPanel) {
    mountPanel = mount;
    const { target, open, view } = controller.get();
    if (!open || (!target && view === 'page')) return; // closed while the panel script loaded
    panel ??= mount(container);
    panel.render(target ?? {}, onClose, view, onShowing);
  }

  function update({ target, open, view }: QuickEditState) {
    if (open && (target || view === 'calls-to-log')) {
      notes.hide();
      // A target naming its call (a feed button, the URL) is shown at once; the panel says more.
      if (target !== shownTarget && target?.callId) onShowing(target.callId);
      shownTarget = target;
      // Close's theme as the page shows it now (it may have loaded, or changed, since we started).
      const root = container.getRootNode();
      if (root instanceof ShadowRoot && root.host instanceof HTMLElement) applyPageTheme(root.host);
      // Before the launcher goes, while it (if it was used) still has focus.
      returnTo ??= deepActiveElement();
      launcher.remove();
      if (mountPanel) return showPanel(mountPanel);
      loadPanel().then(showPanel, () => {
        if (!controller.get().open) return;
        failure ??= fallbackPanel(controller.close, words);
        container.append(failure);
        failure.querySelector('button')?.focus();
      });
      return;
    }
    panel?.unmount();
    panel = undefined;
    failure?.remove();
    if (!target) launcher.remove();
    else if (!launcher.isConnected) {
      container.append(launcher);
      // Issue 12: the panel script is fetched in idle time once there is a launcher to open it.
      preloadPanelWhenIdle(loadPanel);
    }
    marks?.setCurrent(undefined);
    marks?.refresh();
    const closed = showing;
    const note = closingNote;
    showing = closingNote = shownTarget = undefined;
    if (note) notes.show(note.text, note.action, note.ms);
    // Closing with text not yet saved keeps it as a draft (the panel stored it before closing): say so.
    else if (closed)
      void hasUnsavedDraft(closed).then((draft) => draft && !controller.get().open && notes.show(i18n.t('launcher.draftSaved')));
    if (returnTo) {
      // Back where it was; a feed button whose item Close re-rendered meanwhile is gone: the
      // launcher then, where there is one.
      if (returnTo.isConnected && returnTo instanceof HTMLElement) returnTo.focus();
      else if (target) launcher.focus();
      returnTo = null;
    }
  }

  update(controller.get());
  const unsubscribe = controller.subscribe(update);
  return {
    unsubscribe,
    /** The shortcut on a page without a call: say why nothing opens (issue 15). */
    noCall: () => notes.show(i18n.t('launcher.noCall')),
  };
}

/** The focused element, inside open shadow roots too (ours are open, UI-CONTRACT.md). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

type FallbackWords = Record<'name' | 'reload' | 'close', string>;

/**
 * Read when the page starts: the fallback is shown after the extension was updated or reloaded
 * under the page, when its APIs (browser.i18n too) may be gone.
 */
const fallbackWords = (): FallbackWords => ({
  name: i18n.t('launcher.name'),
  reload: i18n.t('launcher.reload'),
  close: i18n.t('launcher.closePanel'),
});

/** Shown only when the panel script cannot be loaded (the extension was updated under the page). */
function fallbackPanel(onClose: () => void, words: FallbackWords): HTMLElement {
  const box = document.createElement('section');
  box.className = 'fallback';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', words.name);
  const text = document.createElement('p');
  text.setAttribute('role', 'alert');
  text.textContent = words.reload;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = words.close;
  close.addEventListener('click', onClose);
  box.addEventListener('keydown', (e) => e.key === 'Escape' && onClose());
  box.append(text, close);
  return box;
}
