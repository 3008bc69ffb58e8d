import type { CallBase, Outcome } from '@/utils/close/schemas';
import { noteText } from '@/utils/note-html';

interface ConflictAlertProps {
  theirs: CallBase;
  mine: { note: string; outcomeId: string | null };
  outcomes: Outcome[];
  noteChanged: boolean;
  onKeepMine: (event: Event) => void;
  onUseTheirs: (event: Event) => void;
  onAppendMine: (event: Event) => void;
}

const outcomeName = (outcomes: Outcome[], id: string | null | undefined) =>
  !id ? 'No outcome' : (outcomes.find((o) => o.id === id)?.name ?? 'Unknown outcome');

/** Someone changed the call in Close meanwhile: nothing was overwritten; the rep decides. */
export function ConflictAlert({ theirs, mine, outcomes, noteChanged, onKeepMine, onUseTheirs, onAppendMine }: ConflictAlertProps) {
  return (
    <div role="alert" class="conflict">
      <p>
        <strong>This call was changed in Close since you opened it.</strong> Nothing was overwritten. Choose which
        version to keep.
      </p>
      <div class="versions">
        <section aria-label="Version in Close">
          <h3>In Close now</h3>
          <p class="version-note">{noteText(theirs) || '(no note)'}</p>
          <p class="muted">Outcome: {outcomeName(outcomes, theirs.outcome_id)}</p>
        </section>
        <section aria-label="Your version">
          <h3>Yours</h3>
          <p class="version-note">{mine.note || '(no note)'}</p>
          <p class="muted">Outcome: {outcomeName(outcomes, mine.outcomeId)}</p>
        </section>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onUseTheirs}>
          Use theirs
        </button>
        {noteChanged && (
          <button type="button" onClick={onAppendMine}>
            Append mine
          </button>
        )}
      </div>
    </div>
  );
}
