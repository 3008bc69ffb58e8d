import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { QuickEdit } from '@/components/QuickEdit';
import { createController } from '@/utils/content/controller';
import type { TabMessage } from '@/utils/messages';
import { watchTarget } from '@/utils/content/watch-target';
import styles from '@/components/panel.css?inline';

export default defineContentScript({
  matches: ['https://app.close.com/*'],
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Close is a single-page app: follow its URL (and its re-renders) without a reload.
    const controller = createController(watchTarget(ctx, (target) => controller.setTarget(target)));

    // The keyboard command arrives from the background and takes the launcher's path.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (message as TabMessage | undefined)?.type === 'panel.open')
        controller.open();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const ui = await createShadowRootUi(ctx, {
      name: 'close-quick-edit',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: styles,
      // Keys typed in the panel must not reach Close's own shortcuts.
      isolateEvents: true,
      onMount: (container) => {
        render(<QuickEdit controller={controller} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
