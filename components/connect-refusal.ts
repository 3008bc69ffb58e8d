import { i18n } from '#i18n';
import { PageMessageSchema } from '@/utils/messages';
import type { AskError } from './ask';

/** The background's own test of a pasted key (its message schema), run first, so a malformed key is named as one. */
export const looksLikeKey = (text: string) => PageMessageSchema.safeParse({ type: 'key.set', apiKey: text }).success;

/** Why a key was not stored, each in its own words; every one says the key was not saved and what to do. */
export type Refusal = 'malformed' | 'rejected' | 'unreachable' | 'restarting' | 'close-failed' | 'extension-failed';

export function refusalOf(error: AskError): Refusal {
  switch (error.kind) {
    case 'restarting':
      return 'restarting';
    case 'auth':
      return 'rejected';
    case 'offline':
      return 'unreachable';
    // The background refused the message itself (its words are fixed English, never shown):
    // the key passed our check, so the fault is ours, not the rep's.
    case 'rejected':
      return 'extension-failed';
    default:
      return 'close-failed';
  }
}

export function refusalText(refusal: Refusal, error?: AskError): string {
  switch (refusal) {
    case 'malformed':
      return i18n.t('settings.connection.notAKey');
    case 'rejected':
      return i18n.t('settings.connection.rejected');
    case 'unreachable':
      return i18n.t('settings.connection.unreachable');
    case 'restarting':
      return i18n.t('settings.connection.restartingNotSaved');
    case 'extension-failed':
      return i18n.t('settings.connection.extensionFailed');
    case 'close-failed':
      // Close's answer in the rep's words (utils/close/errors.ts, already in the browser's language).
      return i18n.t('settings.connection.failed', [error?.message ?? '']);
  }
}
