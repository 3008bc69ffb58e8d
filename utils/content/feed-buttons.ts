import { i18n } from './i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CALL_ID_IN_TEXT, type CallId } from '../close/ids';
import type { CallConfirmations } from './call-confirmations';
import { createShadowHost } from './shadow-host';

// A "Quick edit" button beside every call in Close's activity feed (issue 4). Close's class
// names are generated and change with deploys, so items are found by what they carry: a link
// (or an attribute) with an `acti_…` id, the item's list/article role, its `<time>`. Which ids
// are calls is Close's answer (call-confirmations.ts), never a word in the item: Close speaks
// German too, and an email may say "call" (issue 14).

export const FEED_BUTTON_TAG = 'close-quick-edit-feed';

/** Elements that name an activity: "Copy Link" and timestamp links, or an id attribute. */
const CARRIERS = 'a[href*="acti_"],[data-activity-id*="acti_"],[data-id*="acti_"]';
export const FEED_ITEM = 'li,article,[role="listitem"],[role="article"]';

const CSS = `:host{all:initial!important;display:inline-block;margin:0 6px;vertical-align:middle}
button{font:600 12px/1.4 system-ui,sans-serif;padding:2px 10px;border:1px solid #1b5fd9;border-radius:999px;background:#fff;color:#1b5fd9;cursor:pointer}
button:hover{background:#eef4ff}button:focus-visible{outline:2px solid #1b5fd9;outline-offset:2px}
button[aria-current]{background:#1b5fd9;color:#fff}
button[data-draft]::after{content:"";display:inline-block;width:7px;height:7px;margin-left:6px;border-radius:50%;background:currentColor;vertical-align:1px}
@media (prefers-color-scheme:dark){button{background:#0b1220;color:#7fb0ff;border-color:#7fb0ff}button[aria-current]{background:#7fb0ff;color:#0b1220}}`;

const carriedCallId = (el: Element): CallId | undefined =>
  CALL_ID_IN_TEXT.exec(el.getAttribute('href') ?? el.getAttribute('data-activity-id') ?? el.getAttribute('data-id') ?? '')?.[0] as
    | CallId
    | undefined;

/**
 * The feed's call items under `root` (itself included), each with its call id; one per item.
 * An item is a call's when the one activity id it carries is a call Close confirmed; ids not yet
 * answered are asked about (`calls.request`), and their items follow when the answer comes. An
 * item carrying two different ids (an email linking a call) has no button: a button opens only
 * its own item's call, and we could not tell which that is.
 */
export function findCallItems(root: Element, calls: CallConfirmations): Map<Element, CallId> {
  const ids = new Map<Element, CallId | null>();
  const carriers = [...root.querySelectorAll(CARRIERS)];
  if (root.matches(CARRIERS)) carriers.unshift(root);
  for (const carrier of carriers) {
    const id = carriedCallId(carrier);
    const item = carrier.closest(FEED_ITEM);
    if (!id || !item) continue;
    const seen = ids.get(item);
    ids.set(item, seen === undefined || seen === id ? id : null);
  }
  const unknown: CallId[] = [];
  const items = new Map<Element, CallId>();
  for (const [item, id] of ids) {
    if (!id) continue;
    if (calls.isCall(id)) items.set(item, id);
    else unknown.push(id);
  }
  if (unknown.length) calls.request(unknown);
  return items;
}

const hasButtonFor = (item: Element, callId: CallId) => {
  const hosts = item.querySelectorAll(FEED_BUTTON_TAG);
  return hosts.length === 1 && hosts[0]!.getAttribute('data-call-id') === callId;
};

/** However busy the page, at most one look this often (a quiet page gets one at its next frame). */
export const LOOK_INTERVAL_MS = 100;
/** At most this many new buttons per look (a few milliseconds of work). */
export const BUTTONS_PER_LOOK = 40;

export interface FeedWatch {
  /** Buttons on a lead page only: elsewhere the observer is off and our buttons are gone. */
  setActive(active: boolean): void;
}

/**
 * Keeps one button per call item while Close renders, re-renders and lazily extends its feed,
 * with one MutationObserver owned by `ctx`. A change only schedules a look at the page; until
 * that look runs the observer is disconnected, so a page changing its DOM thousands of times a
 * second costs us one look per LOOK_INTERVAL_MS and no mutation records in between (issue 6,
 * BENCHMARKS.md figure 7). A look finds the call items and adds the buttons that are missing.
 */
export function watchFeed(
  ctx: ContentScriptContext,
  openCall: (callId: CallId) => void,
  onIntent: () => void,
  calls: CallConfirmations,
  /** After a look put new buttons in (the page marks them: current call, drafts). */
  onPlaced: () => void = () => undefined,
): FeedWatch {
  let active = false;
  let scheduled = false;
  let lastLook = -Infinity;
  const observe = () =>
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  const look = () => {
    scheduled = false;
    if (!active) return;
    lastLook = performance.now();
    let placed = 0;
    for (const [item, callId] of findCallItems(document.body, calls)) {
      if (hasButtonFor(item, callId)) continue;
      // A feed that rendered hundreds of calls at once gets them over a few frames, not in one
      // long task (the first ones, at the top of the page, first).
      if (placed++ === BUTTONS_PER_LOOK) {
        onPlaced();
        observe();
        return schedule();
      }
      place(item, callId);
    }
    if (placed) onPlaced();
    // Our own buttons went in while we were not listening: they make no records for us.
    observe();
  };
  const schedule = () => {
    if (scheduled || !active) return;
    scheduled = true;
    observer.disconnect();
    const wait = lastLook + LOOK_INTERVAL_MS - performance.now();
    if (wait > 0) ctx.setTimeout(() => ctx.requestAnimationFrame(look), wait);
    else ctx.requestAnimationFrame(look);
  };
  /** Puts the item's button in, replacing one left for another call (a reused item). */
  const place = (item: Element, callId: CallId) => {
    item.querySelectorAll(FEED_BUTTON_TAG).forEach((host) => host.remove());
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
  const removeButtons = () => document.querySelectorAll(FEED_BUTTON_TAG).forEach((host) => host.remove());
  const observer = new MutationObserver(schedule);
  // Close confirmed more calls: their items get their buttons at the next look.
  const unsubscribe = calls.subscribe(schedule);
  ctx.onInvalidated(() => {
    active = false;
    observer.disconnect();
    unsubscribe();
    removeButtons();
  });
  return {
    setActive(next) {
      if (next === active || ctx.isInvalid) return;
      active = next;
      if (active) {
        // At once: the feed that is there now gets its buttons in this frame.
        look();
      } else {
        observer.disconnect();
        removeButtons();
      }
    },
  };
}
