import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CALL_ID_IN_TEXT, type CallId } from '../close/ids';
import { createShadowHost } from './shadow-host';

// A "Quick edit" button beside every call in Close's activity feed (issue 4). Close's class
// names are generated and change with deploys, so items are found by what they carry: a link
// (or an attribute) with the call's `acti_…` id, the item's list/article role, its `<time>`.

export const FEED_BUTTON_TAG = 'close-quick-edit-feed';

/** Elements that name an activity: "Copy Link" and timestamp links, or an id attribute. */
const CARRIERS = 'a[href*="acti_"],[data-activity-id*="acti_"],[data-id*="acti_"]';
const ITEM = 'li,article,[role="listitem"],[role="article"]';
/** Activity ids name emails and notes too: an item is a call's when it says so. */
const CALL_WORD = /\bcall\b/i;
/** Text node by text node: `textContent` runs "Outbound call" and the next element's text together. */
const saysCall = (item: Element) => {
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if (CALL_WORD.test(walker.currentNode.nodeValue!)) return true;
  return false;
};

const MAX_PENDING = 256;

const CSS = `:host{all:initial!important;display:inline-block;margin:0 6px;vertical-align:middle}
button{font:600 12px/1.4 system-ui,sans-serif;padding:2px 10px;border:1px solid #1b5fd9;border-radius:999px;background:#fff;color:#1b5fd9;cursor:pointer}
button:hover{background:#eef4ff}button:focus-visible{outline:2px solid #1b5fd9;outline-offset:2px}
@media (prefers-color-scheme:dark){button{background:#0b1220;color:#7fb0ff;border-color:#7fb0ff}}`;

const carriedCallId = (el: Element): CallId | undefined =>
  CALL_ID_IN_TEXT.exec(el.getAttribute('href') ?? el.getAttribute('data-activity-id') ?? el.getAttribute('data-id') ?? '')?.[0] as
    | CallId
    | undefined;

/** The feed's call items under `root` (itself included), each with its call id; one per item. */
export function findCallItems(root: Element): Map<Element, CallId> {
  const items = new Map<Element, CallId>();
  const carriers = [...root.querySelectorAll(CARRIERS)];
  if (root.matches(CARRIERS)) carriers.unshift(root);
  for (const carrier of carriers) {
    const callId = carriedCallId(carrier);
    const item = carrier.closest(ITEM);
    if (!callId || !item || items.has(item) || !saysCall(item)) continue;
    items.set(item, callId);
  }
  return items;
}

/**
 * Keeps one button per call item while Close renders, re-renders and lazily extends its feed:
 * one MutationObserver owned by `ctx`, the changed subtrees looked at once per frame.
 */
export function watchFeed(ctx: ContentScriptContext, openCall: (callId: CallId) => void, onIntent: () => void) {
  let pending = new Set<Element>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const roots = pending;
    pending = new Set();
    for (const root of roots) {
      if (!root.isConnected) continue;
      // A change inside an item (a link's href, new children) is looked at from the item.
      for (const [item, callId] of findCallItems(root.closest(ITEM) ?? root)) place(item, callId);
    }
  };
  const place = (item: Element, callId: CallId) => {
    const hosts = item.querySelectorAll(FEED_BUTTON_TAG);
    if (hosts.length === 1 && hosts[0]!.getAttribute('data-call-id') === callId) return;
    hosts.forEach((host) => host.remove());
    const time = item.querySelector('time[datetime]');
    // Beside the item's time (outside any link around it, so a click never follows the link).
    const spot = time ? (time.closest('a') ?? time) : item.querySelector(CARRIERS)!;
    spot.after(createButton(callId, time?.textContent?.trim() || time?.getAttribute('datetime') || ''));
  };
  const createButton = (callId: CallId, when: string) => {
    const { host, container } = createShadowHost(FEED_BUTTON_TAG, CSS);
    host.setAttribute('data-call-id', callId);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = i18n.t('feed.button');
    // Visible text first (WCAG "label in name"); never just "Quick edit call", the launcher's name.
    button.setAttribute('aria-label', when ? i18n.t('feed.label', [when]) : i18n.t('feed.button'));
    button.addEventListener('click', (event) => {
      // Not to Close's own handlers on the item (expand, select) either.
      event.stopPropagation();
      // Only a real click: a script on Close's page can reach our open shadow root (SECURITY.md).
      if (event.isTrusted) openCall(callId);
    });
    button.addEventListener('pointerenter', onIntent);
    button.addEventListener('focus', onIntent);
    container.append(button);
    return host;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') pending.add(record.target as Element);
      for (const node of record.addedNodes) if (node instanceof Element && node.localName !== FEED_BUTTON_TAG) pending.add(node);
      // Our button taken out of an item that stays (a partial re-render): put it back.
      for (const node of record.removedNodes) if ((node as Element).localName === FEED_BUTTON_TAG) pending.add(record.target as Element);
    }
    // A tab in the background gets no frames: past a few hundred changes, look at the whole
    // page once instead of holding on to every node Close added and dropped meanwhile.
    if (pending.size > MAX_PENDING) pending = new Set([document.body]);
    if (scheduled || !pending.size) return;
    scheduled = true;
    ctx.requestAnimationFrame(flush);
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  ctx.onInvalidated(() => {
    observer.disconnect();
    document.querySelectorAll(FEED_BUTTON_TAG).forEach((host) => host.remove());
  });
  pending.add(document.body);
  flush();
}
