import { i18n } from '#i18n';
import type { Call, ContactName } from '@/utils/close/schemas';
import { callLabel, party, uiLocale } from '@/utils/format';
import type { Session } from '@/utils/panel/save-session';
import { shortCallDate, whereInRun } from '@/utils/panel/where';
import { SaveAlert } from './SaveFeedback';

const ignore = () => {};

/** A save of a call no longer shown (Save & next) did not go through: which call, why, and Go back. */
export function GoBackNotice({
  goBack,
  call,
  contacts,
  onGoBack,
  onOpenSettings,
}: {
  goBack: NonNullable<Session['goBack']>;
  call: Call;
  contacts?: ContactName[] | undefined;
  onGoBack: (event: Event) => void;
  onOpenSettings: (event: Event) => void;
}) {
  return (
    <div role="alert" class="error">
      <p>
        <strong>{i18n.t('panel.goBackTitle', [callLabel(call, { ...(contacts && { contacts }) })])}</strong>
      </p>
      {/* Its own next step is taken after going back, where the rep's text is. */}
      <SaveAlert status={goBack.problem} now={Date.now()} noteSize={0} onRetry={ignore} onCancel={ignore} onOpenSettings={onOpenSettings} />
      <button type="button" onClick={onGoBack}>
        {i18n.t('panel.goBack')}
      </button>
    </div>
  );
}

/** Draft restored (with Discard draft), or a newer draft that arrived after the rep started typing. */
export function DraftNotice({
  draft,
  onUse,
  onDiscard,
}: {
  draft: Session['draft'];
  onUse: (event: Event) => void;
  onDiscard: (event: Event) => void;
}) {
  if (draft.kind === 'none') return null;
  return (
    <p class="draft">
      {i18n.t(draft.kind === 'restored' ? 'panel.draftRestored' : 'panel.newerDraft')}{' '}
      {draft.kind === 'newer' && (
        <button type="button" class="link" onClick={onUse}>
          {i18n.t('panel.useDraft')}
        </button>
      )}{' '}
      <button type="button" class="link" onClick={onDiscard}>
        {i18n.t('panel.discardDraft')}
      </button>
    </p>
  );
}

/**
 * Where the rep is in the calls without an outcome ("2 of 3 without an outcome · Marvin Acme ·
 * Nov 20"; issue 15), and once none is left, that, once: not while the save status already says
 * it, and not in Calls to log, whose own line says "All calls logged".
 */
export function WhereNotice({ session: s, contacts }: { session: Session; contacts?: readonly ContactName[] | undefined }) {
  const data = s.load.state === 'ready' && s.load.data.connected ? s.load.data : undefined;
  const where = data && whereInRun(data.calls, s.calls, s.callId, data.selectedCallId);
  const saidByStatus = (s.status.kind === 'saved' && s.status.say === 'allDone') || (s.status.kind === 'info' && s.status.say === 'noOtherCall');
  let text = '';
  if (where?.kind === 'at') {
    const entry = s.queue?.find((e) => e.call.id === where.call.id);
    const who = entry?.contactName ?? party(where.call, contacts);
    text = i18n.t('where.at', [String(where.index), String(where.total), who, shortCallDate(where.call, uiLocale())]);
  } else if (where?.kind === 'all-done' && s.view === 'page' && !saidByStatus && !s.more) text = i18n.t('where.allDone'); // not while Close has more (issue 14)
  // Always in the panel, so that screen readers announce each step as it changes.
  return (
    <p class="where" aria-live="polite">
      {text}
    </p>
  );
}
