import type { CallId } from '../close/ids';
import { FEED_BUTTON_TAG, FEED_ITEM } from '../content/feed-buttons';
import { getCallId, type PageTarget } from '../page';
import type { Rect } from './position';

// What of Close's page the panel keeps clear of (issue 15): the feed item of the call it edits,
// found, as the page marks find it (utils/content/page-marks.ts), by our own Quick edit button in
// it. The panel runs on the same page as the content script, so it reads the rects itself.

const feedButtonOf = (callId: CallId) => document.querySelector(`${FEED_BUTTON_TAG}[data-call-id="${callId}"]`);

const shown = (el: Element | null | undefined): Rect | undefined => {
  const rect = el?.getBoundingClientRect();
  return rect && rect.width > 0 && rect.height > 0 ? rect : undefined;
};

/** Where the call's feed item is on screen now, or undefined where the page shows none. */
export const feedItemRect = (callId: CallId | undefined): Rect | undefined =>
  callId ? shown(feedButtonOf(callId)?.closest(FEED_ITEM)) : undefined;

/**
 * The feed button the panel was opened from, or undefined for the launcher and the shortcut. A
 * feed button opens its own call, which the page's URL does not name; the launcher opens the
 * URL's call or the lead's latest (utils/content/controller.ts).
 */
export function openerRect(target: PageTarget): Rect | undefined {
  if (!target.callId || target.callId === getCallId(new URL(location.href))) return undefined;
  return shown(feedButtonOf(target.callId));
}
