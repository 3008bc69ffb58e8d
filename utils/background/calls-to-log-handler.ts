import type { Browser } from 'wxt/browser';
import { CALLS_TO_LOG_TYPES, CallsToLogContentSchema, CallsToLogPageSchema } from '../calls-to-log-messages';
import type { CallsToLogState } from '../calls-to-log';
import type { Reply } from '../messages';
import { redactDeep, secretForms } from '../redact';
import { senderRole } from '../sender';
import type { CallsToLog } from './calls-to-log';
import type { createCloseTabs } from './close-tabs';

export interface CallsToLogHandlerDeps {
  ownId: string;
  ownOrigin: string;
  queue: CallsToLog;
  tabs: ReturnType<typeof createCloseTabs>;
  /** The stored key, so that no reply carries it (Close's words may echo it). */
  apiKey: () => Promise<string | undefined>;
}

const reject = (message: string): Reply<never> => ({ ok: false, error: { kind: 'rejected', message } });

/**
 * The Calls to log messages, checked like every other (who sent it, then what it is). Returns
 * undefined for any other message type, which the background's main handler then answers.
 */
export function createCallsToLogHandler(deps: CallsToLogHandlerDeps) {
  async function route(raw: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    const role = senderRole(sender, deps.ownId, deps.ownOrigin);
    if (role === 'content-script') {
      const parsed = CallsToLogContentSchema.safeParse(raw);
      if (!parsed.success) return reject('Malformed message from a Close page.');
      await deps.tabs.seen(sender.tab!.id!);
      if (parsed.data.type === 'calls.tick') {
        void deps.queue.tick();
        return { ok: true, value: null };
      }
      // The panel's count on a lead page is what is known (the tabs' ticks keep it fresh);
      // opening the queue asks Close now.
      const state: CallsToLogState = parsed.data.fresh ? await deps.queue.refresh() : deps.queue.get();
      return { ok: true, value: state };
    }
    if (role === 'extension-page') {
      const parsed = CallsToLogPageSchema.safeParse(raw);
      if (!parsed.success) return reject('Malformed message.');
      if (parsed.data.type === 'calls.count') return { ok: true, value: await deps.queue.refresh() };
      await deps.tabs.openQueue();
      return { ok: true, value: null };
    }
    return reject('Unknown sender.');
  }

  return (raw: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    const type = (raw as { type?: unknown } | null | undefined)?.type;
    if (typeof type !== 'string' || !CALLS_TO_LOG_TYPES.has(type)) return undefined;
    return (async () => {
      try {
        const reply = await route(raw, sender);
        if (!reply.ok && reply.error.kind === 'rejected') return reply;
        return redactDeep(reply, secretForms(await deps.apiKey()));
      } catch {
        return reject('Calls to log failed.');
      }
    })();
  };
}
