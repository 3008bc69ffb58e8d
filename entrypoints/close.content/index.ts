import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountQuickEdit } from '@/components/QuickEdit';
import { confirmThroughBackground } from '@/utils/content/ask-background';
import { autoOpen } from '@/utils/content/auto-open';
import { tickCallsToLog } from '@/utils/content/calls-to-log-tick';
import { createCallConfirmations } from '@/utils/content/call-confirmations';
import { createController, type QuickEditState } from '@/utils/content/controller';
import { watchFeed } from '@/utils/content/feed-buttons';
import { loadPanel } from '@/utils/content/lazy-panel';
import { createPageMarks, type PageMarks } from '@/utils/content/page-marks';
import { createShadowHost } from '@/utils/content/shadow-host';
import { watchTarget } from '@/utils/content/watch-target';
import type { TabMessage } from '@/utils/messages';
import styles from '@/components/launcher.css?inline';

// On every Close page a rep opens, all day: this script stays small (no Preact, no zod, no
// panel) and does nothing on pages without a call but keep one observer. The panel is loaded on
// the first open (utils/content/lazy-panel.ts). Budgets and measurements: BENCHMARKS.md.
export default defineContentScript({
  matches: ['https://app.close.com/*'],
  // Loaded while the page's HTML is still arriving (the main thread mostly waits then), and the
  // launcher put in during DOMContentLoaded itself, so it is in the first frame Close paints.
  // At "document_end" Chromium runs us in a task after DOMContentLoaded, behind Close's own
  // work; at "document_idle" (the default) up to 200 ms later. BENCHMARKS.md, figure 2.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', () => start(ctx), { once: true });
    else start(ctx);
  },
});

function start(ctx: ContentScriptContext) {
  // Which of the page's acti_ ids are calls, asked of Close once per id for the page's life.
  const calls = createCallConfirmations(confirmThroughBackground, { setTimeout: (run, ms) => ctx.setTimeout(run, ms) });
  // Close is a single-page app: follow its URL (and its re-renders) without a reload.
  const controller = createController(
    watchTarget(
      ctx,
      (target) => {
        controller.setTarget(target);
        autoOpen(target, controller);
      },
      calls,
    ),
  );
  autoOpen(controller.get().target, controller);
  tickCallsToLog(ctx);

  // Present on every Close page, empty where there is no call (the launcher test relies on it).
  const { host, container } = createShadowHost('close-quick-edit', styles);
  document.body.append(host);
  let marks: PageMarks | undefined;
  const view = mountQuickEdit(container, controller, loadPanel, (launcher) => {
    marks = createPageMarks(ctx, container, launcher, () => controller.get().target?.callId);
    return marks;
  });

  // The keyboard command arrives from the background and takes the launcher's path; on a page
  // without a call it says so instead of doing nothing (issue 15).
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || (message as TabMessage | undefined)?.type !== 'panel.open') return;
    if ((message as Extract<TabMessage, { type: 'panel.open' }>).view === 'calls-to-log') controller.openCallsToLog();
    else if (controller.get().target) controller.open();
    else view.noCall();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // A button on every call in a lead page's feed, opening the panel on that call.
  const feed = watchFeed(ctx, controller.openCall, () => void loadPanel().catch(() => undefined), calls, () => marks?.refresh());
  const onLeadPage = ({ target }: QuickEditState) => {
    feed.setActive(target?.leadId !== undefined);
    // Drafts are read only on a page with a call.
    if (target) marks?.watch();
  };
  onLeadPage(controller.get());
  controller.subscribe(onLeadPage);
  ctx.onInvalidated(() => {
    view.unsubscribe();
    host.remove();
  });
}
