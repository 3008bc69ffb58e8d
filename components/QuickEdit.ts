import { i18n } from '@/utils/content/i18n';
import type { Controller, QuickEditState } from '@/utils/content/controller';
import { preloadPanelWhenIdle, type MountPanel, type PanelView } from '@/utils/content/lazy-panel';
import { applyPageTheme } from '@/utils/content/shadow-host';
import { createLauncher } from './Launcher';

/**
 * Everything the content script shows: the launcher where the page has a call, and the panel,
 * whose script is loaded on the first open. Plain DOM; only the panel uses Preact.
 */
export function mountQuickEdit(container: HTMLElement, controller: Controller, loadPanel: () => Promise<MountPanel>) {
  let mountPanel: MountPanel | undefined;
  const preload = () => void (mountPanel ?? loadPanel().catch(() => undefined));
  const launcher = createLauncher(controller.open, preload);
  const words = fallbackWords();
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
    panel.render(target ?? {}, controller.close, view);
  }

  function update({ target, open, view }: QuickEditState) {
    if (open && (target || view === 'calls-to-log')) {
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
    if (returnTo) {
      // Back where it was; a feed button whose item Close re-rendered meanwhile is gone: the
      // launcher then, where there is one.
      if (returnTo.isConnected && returnTo instanceof HTMLElement) returnTo.focus();
      else if (target) launcher.focus();
      returnTo = null;
    }
  }

  update(controller.get());
  return controller.subscribe(update);
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
