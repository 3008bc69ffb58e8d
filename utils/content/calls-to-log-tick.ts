import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

// "A Close tab is open" for Calls to log (issue 17): the background refreshes the rep's queue at
// most once a minute while some Close tab says so, and learns which tabs "Log calls" can focus.
// Only a tab the rep can see ticks: ten background tabs cost no more than one.

const EVERY_MS = 60_000;

export function tickCallsToLog(ctx: ContentScriptContext) {
  const tick = () => {
    if (document.visibilityState !== 'visible') return;
    browser.runtime.sendMessage({ type: 'calls.tick' }).catch(() => undefined);
  };
  tick();
  ctx.setInterval(tick, EVERY_MS);
  ctx.addEventListener(document, 'visibilitychange', tick);
}
