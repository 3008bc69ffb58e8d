import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatCallDate } from '@/utils/format';
import type { PendingSave } from '@/utils/messages';
import type { ask as Ask } from './ask';

interface QueuedSavesProps {
  ask: typeof Ask;
}

const describe = (save: PendingSave) => {
  const parts = [];
  if (save.changes.note !== undefined) parts.push(i18n.t('settings.queued.note', [save.changes.note.slice(0, 60)]));
  if (save.changes.note_html !== undefined) parts.push(i18n.t('settings.queued.noteHtml'));
  if ('outcome_id' in save.changes) parts.push(i18n.t(save.changes.outcome_id ? 'settings.queued.outcome' : 'settings.queued.outcomeCleared'));
  return parts.join(', ');
};

/**
 * Which call it is for, as the rep knows it (issue 15): the lead, the contact or phone, the call's
 * date, from the label the panel sent with the save. Saves of older versions have none: undefined.
 */
function callOf(save: PendingSave): string | undefined {
  const { label } = save;
  if (!label) return undefined;
  const parts = [label.lead, label.who, label.at && formatCallDate(label.at)].filter((part): part is string => !!part);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Where a save stands, in words. */
function where(save: PendingSave): string {
  const { progress } = save;
  if (progress.state === 'sending') return i18n.t('settings.queued.saving');
  switch (progress.reason) {
    case 'offline':
      return i18n.t('settings.queued.offline');
    case 'rate-limited':
      return i18n.t('settings.queued.rateLimited');
    case 'server':
      return i18n.t('settings.queued.server');
    case 'account':
      return i18n.t('settings.queued.waitingAccount', [save.owner?.email ?? '']);
    case 'unclaimed':
      return i18n.t('settings.queued.unclaimed');
    case 'hold':
      return i18n.t('outcomeHold.queued');
    case 'call-live':
      return i18n.t('callEnd.queued');
    case 'call-ask':
      return i18n.t('callEnd.queuedAsk');
  }
}

const held = (save: PendingSave) =>
  save.progress.state === 'waiting' && (save.progress.reason === 'account' || save.progress.reason === 'unclaimed');

/**
 * Saves not yet at Close: the rep can see them and call them off. A save waiting for its
 * account's key is discarded here or sent by connecting that account again; one an older version
 * left without an account is sent with the connected account only when the rep says so.
 */
export function QueuedSaves({ ask }: QueuedSavesProps) {
  const [saves, setSaves] = useState<PendingSave[]>([]);
  const refresh = () =>
    void ask({ type: 'outbox.list' }).then((reply) => {
      if (reply.ok) setSaves(reply.value);
    });
  useEffect(() => {
    refresh();
    // Disconnect, a reconnect or a save finishing changes what is listed: keep it current.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('outbox' in changes || 'connection' in changes)) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (saves.length === 0) return null;
  return (
    <section class="queued">
      <h2 id="queued-heading">{i18n.t('settings.queued.heading')}</h2>
      <ul aria-labelledby="queued-heading">
        {saves.map((save) => (
          <li key={save.saveId}>
            {/* Each button is described by its own save, so the buttons are told apart. */}
            <span id={`queued-${save.saveId}`}>
              {callOf(save) ? (
                <>
                  {i18n.t('waitingSave.named', [callOf(save)!, describe(save)])}{' '}
                  <span class="muted">{i18n.t('waitingSave.where', [where(save)])}</span>
                </>
              ) : (
                <>
                  {describe(save)}{' '}
                  <span class="muted">{i18n.t('settings.queued.where', [where(save), save.callId.slice(-6)])}</span>
                </>
              )}
            </span>{' '}
            {save.progress.state === 'waiting' && save.progress.reason === 'unclaimed' && (
              <button
                type="button"
                aria-describedby={`queued-${save.saveId}`}
                onClick={() => void ask({ type: 'outbox.claim', saveId: save.saveId }).then(refresh)}
              >
                {i18n.t('settings.queued.send')}
              </button>
            )}
            <button
              type="button"
              aria-describedby={`queued-${save.saveId}`}
              onClick={() => void ask({ type: 'outbox.cancel', saveId: save.saveId }).then(refresh)}
            >
              {i18n.t(held(save) ? 'settings.queued.discard' : 'settings.queued.cancel')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
