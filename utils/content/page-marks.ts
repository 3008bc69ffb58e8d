import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CallId } from '../close/ids';
import { watchDrafts, type DraftWatch } from './drafts-on-page';
import { FEED_BUTTON_TAG, FEED_ITEM } from './feed-buttons';
import { i18n } from './i18n';

// What ties our UI to Close's page (issue 15): the feed item of the call being edited gets an
// outline we draw (Close's own elements are never restyled: they re-render as they like), its
// feed button says it is the current one, and a call with a draft is marked on its feed button
// and on the launcher.

const feedHosts = () => [...document.querySelectorAll(FEED_BUTTON_TAG)];
const feedItem = (callId: CallId) =>
  feedHosts()
    .find((host) => host.getAttribute('data-call-id') === callId)
    ?.closest(FEED_ITEM);

/** Marks an element as having a draft: a dot (CSS, `data-draft`) and a description saying so. */
function markDraft(el: HTMLElement, draft: boolean) {
  // The launcher is out of the page while the panel is open: it is marked when it is back.
  if (!el.isConnected) return;
  if (!(el.getRootNode() as ShadowRoot).getElementById('has-draft'))
    el.after(Object.assign(document.createElement('span'), { id: 'has-draft', hidden: true, textContent: i18n.t('launcher.hasDraft') }));
  el.toggleAttribute('data-draft', draft);
  el.setAttribute('aria-describedby', draft ? 'has-draft' : '');
}

export function createPageMarks(
  ctx: ContentScriptContext,
  layer: HTMLElement,
  launcher: HTMLElement,
  /** The call the launcher opens, or undefined where it opens the lead's latest call. */
  launcherCall: () => CallId | undefined,
) {
  let current: CallId | undefined;
  let drafts: DraftWatch | undefined;
  let item: Element | null | undefined;
  let drawing = false;
  const outline = document.createElement('div');
  outline.className = 'call-outline';
  outline.setAttribute('aria-hidden', 'true');

  // Once a frame while the panel is open: the item moves with every scroll (of the page or of
  // Close's own scrolling feed), resize and re-render, and is re-found when Close replaced it.
  const draw = () => {
    drawing = !!current && !ctx.isInvalid;
    if (!drawing) return outline.remove();
    if (!item?.isConnected) item = feedItem(current!);
    const box = item?.getBoundingClientRect();
    if (box?.width) {
      outline.style.cssText = `left:${box.left - 3}px;top:${box.top - 3}px;width:${box.width + 6}px;height:${box.height + 6}px`;
      if (!outline.isConnected) layer.prepend(outline);
    } else outline.remove();
    requestAnimationFrame(draw);
  };

  /** The feed buttons and the launcher as they should be now. */
  const refresh = () => {
    for (const host of feedHosts()) {
      const id = host.getAttribute('data-call-id') as CallId;
      const button = host.shadowRoot?.querySelector('button');
      if (!button) continue;
      if (id === current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
      markDraft(button, !!drafts?.has(id));
    }
    const call = launcherCall();
    // On a lead page the launcher opens one of the page's calls (the latest): any of them counts.
    markDraft(launcher, call ? !!drafts?.has(call) : feedHosts().some((h) => drafts?.has(h.getAttribute('data-call-id'))));
  };

  return {
    refresh,
    /** Starts watching drafts: only on a page with a call, so other pages read nothing. */
    watch() {
      if (drafts || ctx.isInvalid) return;
      drafts = watchDrafts(refresh);
      ctx.onInvalidated(drafts.stop);
    },
    /** The call the open panel shows, or undefined when it closed: outlined and scrolled to. */
    setCurrent(callId: CallId | undefined) {
      if (callId === current) return;
      current = callId;
      item = callId && feedItem(callId);
      refresh();
      // Only as far as needed: an item already in view stays where the rep's eyes are.
      item?.scrollIntoView({ block: 'nearest' });
      if (!drawing) draw();
    },
  };
}

export type PageMarks = ReturnType<typeof createPageMarks>;
