import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { PageMessage, Reply, ReplyTypes } from '@/utils/messages';

/** No answer from the background: its worker is starting again (after an update, or idle). */
export interface Restarting {
  kind: 'restarting';
  message: string;
}
export type AskReply<T> = Reply<T> | { ok: false; error: Restarting };
export type AskError = Extract<AskReply<unknown>, { ok: false }>['error'];

/** The popup's and settings page's way to the background; a restarting worker is an error value. */
export async function ask<M extends PageMessage>(message: M): Promise<AskReply<ReplyTypes[M['type']]>> {
  const restarting = { ok: false, error: { kind: 'restarting', message: i18n.t('settings.connection.restarting') } } as const;
  try {
    const reply = (await browser.runtime.sendMessage(message)) as AskReply<ReplyTypes[M['type']]> | undefined;
    // No listener answered yet (a background page still loading): as good as restarting.
    return reply ?? restarting;
  } catch {
    return restarting;
  }
}
