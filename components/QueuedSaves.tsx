import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { QueuedSave } from '@/utils/messages';
import type { ask as Ask } from './ask';

interface QueuedSavesProps {
  ask: typeof Ask;
}

const describe = (save: QueuedSave) => {
  const parts = [];
  if (save.changes.note !== undefined) parts.push(i18n.t('settings.queued.note', [save.changes.note.slice(0, 60)]));
  if (save.changes.note_html !== undefined) parts.push(i18n.t('settings.queued.noteHtml'));
  if ('outcome_id' in save.changes) parts.push(i18n.t(save.changes.outcome_id ? 'settings.queued.outcome' : 'settings.queued.outcomeCleared'));
  return parts.join(', ');
};

/** Saves waiting for Close (offline, or retrying): the rep can see them and call them off. */
export function QueuedSaves({ ask }: QueuedSavesProps) {
  const [saves, setSaves] = useState<QueuedSave[]>([]);
  const refresh = () =>
    void ask({ type: 'outbox.list' }).then((reply) => {
      if (reply.ok) setSaves(reply.value);
    });
  useEffect(refresh, []);

  if (saves.length === 0) return null;
  return (
    <section class="queued">
      <h2 id="queued-heading">{i18n.t('settings.queued.heading')}</h2>
      <ul aria-labelledby="queued-heading">
        {saves.map((save) => (
          <li key={save.jobId}>
            {/* Each Cancel is described by its own save, so the buttons are told apart. */}
            <span id={`queued-${save.jobId}`}>
              {describe(save)} <span class="muted">
                {i18n.t('settings.queued.where', [
                  i18n.t(save.offline ? 'settings.queued.offline' : 'settings.queued.saving'),
                  save.callId.slice(-6),
                ])}
              </span>
            </span>{' '}
            <button
              type="button"
              aria-describedby={`queued-${save.jobId}`}
              onClick={() => void ask({ type: 'outbox.cancel', jobId: save.jobId }).then(refresh)}
            >
              {i18n.t('settings.queued.cancel')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
