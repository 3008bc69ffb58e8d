import type { ConnectionStore } from '../connection';
import type { TabMessage } from '../messages';
import { redactDeep, secretForms } from '../redact';

type Notify = (tabId: number, message: TabMessage) => Promise<void>;

/**
 * `notify`, but no message to a tab carries the key: save results carry Close's own words,
 * which the background does not control (issue 5, SECURITY.md). Replies get the same treatment
 * in handle-message.ts.
 */
export const keyFreeNotify =
  (notify: Notify, connection: Pick<ConnectionStore, 'get'>): Notify =>
  async (tabId, message) => {
    const stored = await connection.get().catch(() => undefined);
    return notify(tabId, redactDeep(message, secretForms(stored?.apiKey)));
  };
