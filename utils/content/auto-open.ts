import { browser } from 'wxt/browser';
import { getCallId, type PageTarget } from '../page';

/**
 * settings.autoOpen's key in storage.local (utils/settings.ts, a test keeps them equal). Read
 * raw here: the content script must not bundle zod or WXT's storage (BENCHMARKS.md).
 */
export const AUTO_OPEN_KEY = 'settings.autoOpen';

/**
 * Opens the panel by itself when the rep turned that on and the page's URL names a call. Called
 * when the page's target changes (load, single-page navigation), so once per navigation: the
 * panel the rep closed stays closed on that URL.
 */
export function autoOpen(target: PageTarget | undefined, controller: { get(): { target?: PageTarget; open: boolean }; open(): void }) {
  if (!target?.callId) return;
  browser.storage.local.get(AUTO_OPEN_KEY).then(
    (stored) => {
      const now = controller.get();
      // Only `true`: anything else stored there (damaged, older shape) means off.
      if (stored[AUTO_OPEN_KEY] === true && now.target === target && !now.open && getCallId(new URL(location.href)) === target.callId)
        controller.open();
    },
    () => undefined,
  );
}
