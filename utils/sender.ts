import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;

// Who may send what. Only our own extension can message the background at all (no
// externally_connectable), but a content script runs inside pages we do not control, so it
// is trusted only from Close's app origin, in a top-level frame, and never with the key.

export const CLOSE_APP_ORIGIN = 'https://app.close.com';

export type SenderRole = 'content-script' | 'extension-page';

/**
 * The sender's origin, never the opaque "null" (which would equal every other opaque origin).
 * Engines that follow the URL standard strictly give extension schemes an opaque origin, so an
 * extension URL's origin is its scheme and host.
 */
const originOf = (url: string | undefined): string | undefined => {
  try {
    if (!url) return undefined;
    const { origin, protocol, host } = new URL(url);
    if (origin !== 'null') return origin;
    return host && /^(?:chrome|moz|safari-web)-extension:$/.test(protocol) ? `${protocol}//${host}` : undefined;
  } catch {
    return undefined;
  }
};

export function senderRole(sender: MessageSender, ownId: string, ownOrigin: string): SenderRole | undefined {
  if (sender.id !== ownId) return undefined;
  const origin = originOf(sender.url);
  // The browser sets `url` (and Chrome `origin`) itself; a page cannot forge them.
  const claimed = (sender as { origin?: string }).origin;
  if (claimed !== undefined && claimed !== origin) return undefined;
  if (origin === ownOrigin) return 'extension-page';
  // A tab the rep can see: not a prerendered or back-forward-cached page nobody is looking at.
  const lifecycle = (sender as { documentLifecycle?: string }).documentLifecycle;
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && tabId >= 0 && origin === CLOSE_APP_ORIGIN && sender.frameId === 0 && (lifecycle ?? 'active') === 'active')
    return 'content-script';
  return undefined;
}
