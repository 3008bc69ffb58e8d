import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ContentMessage, ReplyFor } from '../messages';

/** Asks the background; a dead extension context becomes an error value like any other. */
export async function send<M extends ContentMessage>(message: M): Promise<ReplyFor<M>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as ReplyFor<M> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
  } catch {
    // The extension was updated or reloaded under this page.
  }
  // No answer is not a refusal: the caller may ask again once the worker is back.
  return { ok: false, error: { kind: 'rejected', message: restartedText(), noAnswer: true } };
}

/** In a page whose extension was updated, even browser.i18n may be gone: English then. */
function restartedText(): string {
  try {
    return i18n.t('errors.extensionRestarted') || RESTARTED;
  } catch {
    return RESTARTED;
  }
}
const RESTARTED = 'The extension was updated or restarted. Reload this page to continue.';
