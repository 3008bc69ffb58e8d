import { i18n } from '#i18n';
import type { Call, ContactName } from '@/utils/close/schemas';
import { callLabel } from '@/utils/format';
import type { Session } from '@/utils/panel/save-session';
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
