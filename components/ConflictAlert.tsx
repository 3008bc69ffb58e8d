import { i18n } from '#i18n';
import type { CallBase, Outcome } from '@/utils/close/schemas';
import type { CallField, WhoChanged } from '@/utils/close/who-changed';
import { changeLines, changeSentence } from '@/utils/conflict-words';
import { noteOfCall, notePlainText, type NoteContent } from '@/utils/note-content';

interface ConflictAlertProps {
  theirs: CallBase;
  mine: { note: NoteContent; outcomeId: string | null };
  outcomes: Outcome[];
  noteChanged: boolean;
  /** Who changed which fields, from Close's event log (issue 14); absent or unknown: "changed in Close". */
  who?: WhoChanged;
  fields?: CallField[];
  onKeepMine: (event: Event) => void;
  onUseTheirs: (event: Event) => void;
  onAppendMine: (event: Event) => void;
}

const outcomeName = (outcomes: Outcome[], id: string | null | undefined) =>
  !id ? i18n.t('outcome.none') : (outcomes.find((o) => o.id === id)?.name ?? i18n.t('outcome.unknown'));

/** Someone changed the call in Close meanwhile: nothing was overwritten; the rep decides. */
export function ConflictAlert({ theirs, mine, outcomes, noteChanged, who, fields, onKeepMine, onUseTheirs, onAppendMine }: ConflictAlertProps) {
  return (
    <div role="alert" class="conflict">
      <p>
        <strong>{i18n.t('panel.conflictTitle')}</strong> {i18n.t('panel.conflictHelp')}
      </p>
      <ul class="conflict-who">
        {changeLines(who, fields, theirs.date_updated).map((line, i) => (
          <li key={i}>{changeSentence(line)}</li>
        ))}
      </ul>
      <div class="versions">
        <section aria-label={i18n.t('panel.versionTheirs')}>
          <h3>{i18n.t('panel.inCloseNow')}</h3>
          <p class="version-note">{notePlainText(noteOfCall(theirs)) || i18n.t('panel.noNote')}</p>
          <p class="muted">{i18n.t('panel.outcomeIs', [outcomeName(outcomes, theirs.outcome_id)])}</p>
        </section>
        <section aria-label={i18n.t('panel.versionMine')}>
          <h3>{i18n.t('panel.yours')}</h3>
          <p class="version-note">{notePlainText(mine.note) || i18n.t('panel.noNote')}</p>
          <p class="muted">{i18n.t('panel.outcomeIs', [outcomeName(outcomes, mine.outcomeId)])}</p>
        </section>
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={onKeepMine}>
          {i18n.t('panel.keepMine')}
        </button>
        <button type="button" onClick={onUseTheirs}>
          {i18n.t('panel.useTheirs')}
        </button>
        {noteChanged && (
          <button type="button" onClick={onAppendMine}>
            {i18n.t('panel.appendMine')}
          </button>
        )}
      </div>
    </div>
  );
}
