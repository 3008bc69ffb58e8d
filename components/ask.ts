import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { PageMessage, Reply, ReplyTypes } from '@/utils/messages';

/** The popup's and settings page's way to the background; a restarting worker is an error value. */
export async function ask<M extends PageMessage>(message: M): Promise<Reply<ReplyTypes[M['type']]>> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply<ReplyTypes[M['type']]>;
  } catch {
    return { ok: false, error: { kind: 'rejected', message: i18n.t('settings.connection.restarting') } };
  }
}
