import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CallId } from '../close/ids';
import { getCallRouteId, getPageTarget, sameTarget, type PageTarget } from '../page';
import type { CallConfirmations } from './call-confirmations';
import { linkedActivityIds } from './linked-call';

const RESCAN_DELAY_MS = 150;

/**
 * The page's target. A lead page is about its lead (and the call its URL names). A page without
 * a lead is about a *call*: the one its URL names, else the first linked from the page, and only
 * once Close confirmed the id is a call's (an inbox links emails too): one round trip later.
 * Close's call route needs no confirmation: its path says it is a call, and when Close cannot
 * find it with this key, the panel says whose key it is (issue 5) instead of showing nothing.
 */
export function currentTarget(url: URL, document: Document, calls: CallConfirmations): PageTarget | undefined {
  const fromUrl = getPageTarget(url);
  if (fromUrl?.leadId || url.origin !== 'https://app.close.com') return fromUrl;
  const routeCall = getCallRouteId(url);
  if (routeCall) return { callId: routeCall };
  const candidates: CallId[] = [...(fromUrl?.callId ? [fromUrl.callId] : []), ...linkedActivityIds(document)];
  calls.request(candidates);
  const callId = candidates.find(calls.isCall);
  return callId ? { callId } : undefined;
}

/**
 * Calls `onChange` whenever what the page is about changes: on single-page navigation, and,
 * on pages whose URL names no call, when Close renders a call link. One observer, owned by
 * `ctx`, and only on pages that need it.
 */
export function watchTarget(
  ctx: ContentScriptContext,
  onChange: (target: PageTarget | undefined) => void,
  calls: CallConfirmations,
) {
  // WXT reports navigation from the Navigation API's `navigate` event, which fires before
  // `location` changes: the event's URL is the truth, not `location.href`.
  let url = new URL(location.href);
  let target = currentTarget(url, document, calls);
  let scheduled = false;
  const scheduleRescan = () => {
    if (scheduled) return;
    scheduled = true;
    // Until the rescan runs, more changes cannot change what it finds: stop listening meanwhile,
    // so a busy page (a live feed) costs one callback per rescan, not one per batch of DOM
    // changes, and no change records are made for us (issue 6, BENCHMARKS.md).
    observer.disconnect();
    ctx.setTimeout(() => {
      observeIfNeeded();
      update();
    }, RESCAN_DELAY_MS);
  };
  const observer = new MutationObserver(scheduleRescan);
  // Lead pages need no observer at all.
  const observeIfNeeded = () => {
    if (getPageTarget(url)?.leadId) observer.disconnect();
    else observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  function update() {
    scheduled = false;
    const next = currentTarget(url, document, calls);
    if (!sameTarget(next, target)) onChange((target = next));
  }
  const follow = (newUrl: URL) => {
    if (newUrl.href === url.href) return;
    url = newUrl;
    observeIfNeeded();
    if (getPageTarget(url)?.leadId) return update();
    // The links on the page still belong to the view being left (the `navigate` event comes
    // before Close renders the new one): no call until a rescan of the new view finds one.
    if (target) onChange((target = undefined));
    scheduleRescan();
  };
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => follow(newUrl));
  if (!hasNavigationApi()) watchLocationWithoutNavigationApi(ctx, () => follow(new URL(location.href)));
  observeIfNeeded();
  // Close's answers arrive after the look that asked: look again then.
  const unsubscribe = calls.subscribe(() => {
    if (!getPageTarget(url)?.leadId) update();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    unsubscribe();
  });
  return target;
}

const hasNavigationApi = () =>
  typeof (globalThis as { navigation?: { addEventListener?: unknown } }).navigation?.addEventListener === 'function';

/**
 * Without the Navigation API (Firefox before 147) WXT notices a pushState only by polling
 * `location` once a second. A router updates the page right after it pushes (the current
 * link's attributes at once, the view when its data is in), so checking the URL on every batch
 * of DOM changes, and on back/forward, follows within a frame or two, for one string
 * comparison per batch. Patching the page's `history` instead would need a script in the
 * page's own world, which the page could call into. WXT's polling stays as the safety net.
 */
function watchLocationWithoutNavigationApi(ctx: ContentScriptContext, check: () => void) {
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, attributes: true, subtree: true });
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'hashchange', check);
  ctx.onInvalidated(() => observer.disconnect());
}
