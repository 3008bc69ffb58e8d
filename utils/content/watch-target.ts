import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { getPageTarget, sameTarget, type PageTarget } from '../page';
import { firstLinkedCallId } from './linked-call';

const RESCAN_DELAY_MS = 150;

/** The page's target: from the URL, else from the first call linked on the page. */
export function currentTarget(url: URL, document: Document): PageTarget | undefined {
  const fromUrl = getPageTarget(url);
  if (fromUrl || url.origin !== 'https://app.close.com') return fromUrl;
  const callId = firstLinkedCallId(document);
  return callId ? { callId } : undefined;
}

/**
 * Calls `onChange` whenever what the page is about changes: on single-page navigation, and,
 * on pages whose URL names no call, when Close renders a call link. One observer, owned by
 * `ctx`, and only on pages that need it.
 */
export function watchTarget(ctx: ContentScriptContext, onChange: (target: PageTarget | undefined) => void) {
  // WXT reports navigation from the Navigation API's `navigate` event, which fires before
  // `location` changes: the event's URL is the truth, not `location.href`.
  let url = new URL(location.href);
  let target = currentTarget(url, document);
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(update, RESCAN_DELAY_MS);
  });
  // Pages whose URL names the call need no observer at all.
  const observeIfNeeded = () => {
    if (getPageTarget(url)) observer.disconnect();
    else observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  function update() {
    scheduled = false;
    const next = currentTarget(url, document);
    if (!sameTarget(next, target)) onChange((target = next));
  }
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    url = newUrl;
    observeIfNeeded();
    update();
  });
  observeIfNeeded();
  ctx.onInvalidated(() => observer.disconnect());
  return target;
}
