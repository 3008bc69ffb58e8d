import { browser } from 'wxt/browser';
import type { TabMessage } from '../messages';

// What the background tells this tab about saves: progress while it retries, and results of
// saves that finished after a worker restart or once Close was reachable again. Only an open
// panel listens; with none open, the background alone clears the draft of a confirmed save.

export type SaveEvent = Extract<TabMessage, { type: 'save.progress' | 'save.result' }>;

export const isSaveEvent = (message: unknown): message is SaveEvent =>
  !!message &&
  typeof message === 'object' &&
  ((message as SaveEvent).type === 'save.progress' || (message as SaveEvent).type === 'save.result');

export const saveEvents = {
  /** Listens until the returned function is called. */
  on(listener: (event: SaveEvent) => void) {
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isSaveEvent(message)) listener(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};
