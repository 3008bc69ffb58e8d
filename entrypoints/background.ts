import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '@/utils/background/handle-message';
import { openPanelInTab } from '@/utils/background/open-panel';
import { connectionStore } from '@/utils/connection';
import { OPEN_PANEL_COMMAND } from '@/utils/command';

export default defineBackground(() => {
  const handleMessage = createMessageHandler({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    connection: connectionStore,
    openSettings: () => browser.runtime.openOptionsPage(),
  });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) void openPanelInTab(tab);
  });
});
