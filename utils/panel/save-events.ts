import { browser } from 'wxt/browser';
import type { TabMessage } from '../messages';

// What the background tells this tab about its saves: sending, waiting (and why), and how each
// ended. Only an open panel listens; with none open, the background alone clears the draft of
// a confirmed save.

export type SaveEvent = Extract<TabMessage, { type: 'save.result' }>;

export const isSaveEvent = (message: unknown): message is SaveEvent =>
  !!message &&
  typeof message === 'object' &&
  (message as SaveEvent).type === 'save.result' &&
  typeof (message as SaveEvent).saveId === 'string';

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
