import type { Reply, TabMessage } from '../messages';

// Issue 15, "live first run": a panel open on a Close tab follows a connect or a disconnect made
// in the popup or the settings page at once, instead of saying "Connect your Close API key" until
// it is reopened (or keeping its call after a Disconnect). The background tells the tabs only
// *that* the connection changed: a fixed message with one boolean, never the key nor the account
// (issue 13, SECURITY.md). The key itself stays in the background's IndexedDB, whose changes no
// content script is told of; a storage.local flag would have worked too, but every change there
// reaches every Close tab, and the less that moves through it the easier it is to check.

type Handler<S> = (message: unknown, sender: S) => Promise<Reply<unknown>>;

export interface ConnectionBroadcastDeps {
  /**
   * Every tab's id (tabs.query({}) needs no `tabs` permission for ids). Our content script runs on
   * app.close.com only, so only Close tabs have a listener; the others refuse the message.
   */
  tabIds: () => Promise<number[]>;
  /** tabs.sendMessage to the tab's top frame; a tab without our content script rejects. */
  send: (tabId: number, message: TabMessage) => Promise<unknown>;
}

export function createConnectionBroadcast(deps: ConnectionBroadcastDeps) {
  /** Tells every open Close tab; a tab that cannot be told (no content script, closed) is skipped. */
  async function changed(connected: boolean): Promise<void> {
    const message: TabMessage = { type: 'connection.changed', connected };
    const ids = await deps.tabIds().catch(() => [] as number[]);
    await Promise.all(ids.map((id) => deps.send(id, message).catch(() => undefined)));
  }

  return {
    changed,
    /**
     * The background's message listener, telling the tabs after a key was set or cleared. Only
     * after the handler answered ok: it checked the sender (the popup or settings page; a content
     * script's key.clear is refused) and Close accepted the key before it was stored.
     */
    follow:
      <S>(main: Handler<S>): Handler<S> =>
      (message, sender) => {
        const reply = main(message, sender);
        const type = (message as { type?: unknown } | null | undefined)?.type;
        if (type === 'key.set' || type === 'key.clear')
          void reply.then(
            (answer) => (answer.ok ? changed(type === 'key.set') : undefined),
            () => undefined,
          );
        return reply;
      },
  };
}

export type ConnectionBroadcast = ReturnType<typeof createConnectionBroadcast>;
