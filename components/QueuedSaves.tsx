import { useEffect, useState } from 'preact/hooks';
import type { QueuedSave } from '@/utils/messages';
import type { ask as Ask } from './ask';

interface QueuedSavesProps {
  ask: typeof Ask;
}

const describe = (save: QueuedSave) => {
  const parts = [];
  if (save.changes.note !== undefined) parts.push(`note “${save.changes.note.slice(0, 60)}”`);
  if (save.changes.note_html !== undefined) parts.push('formatted note');
  if ('outcome_id' in save.changes) parts.push(save.changes.outcome_id ? 'outcome' : 'outcome cleared');
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
      <h2 id="queued-heading">Waiting to save</h2>
      <ul aria-labelledby="queued-heading">
        {saves.map((save) => (
          <li key={save.jobId}>
            <span>
              {describe(save)} <span class="muted">({save.offline ? 'waiting for a connection' : 'saving'}, call …{save.callId.slice(-6)})</span>
            </span>{' '}
            <button
              type="button"
              onClick={() => void ask({ type: 'outbox.cancel', jobId: save.jobId }).then(refresh)}
            >
              Cancel
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
