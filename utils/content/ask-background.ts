import { browser } from 'wxt/browser';
import type { ContentMessage, ReplyFor } from '../messages';
import type { CallId } from '../close/ids';
import type { ConfirmCalls } from './call-confirmations';

/**
 * One message to the background from the content script's own small bundle (send.ts pulls in
 * the panel's i18n). undefined when there was no answer: the extension was reloaded under the
 * page, or the worker failed; callers treat that as "not known", never as a "no".
 */
export async function askBackground<M extends ContentMessage>(message: M): Promise<ReplyFor<M> | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as ReplyFor<M> | undefined;
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : undefined;
  } catch {
    return undefined;
  }
}

/** Close's answer to "which of these are calls", or undefined when it could not be had (no key yet, 400, 429 …). */
export const confirmThroughBackground: ConfirmCalls = async (ids: CallId[]) => {
  const reply = await askBackground({ type: 'calls.confirm', callIds: ids });
  return reply?.ok && reply.value.connected ? reply.value.calls : undefined;
};
