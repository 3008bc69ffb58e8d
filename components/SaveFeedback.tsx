import { i18n } from '#i18n';
import { nextStepText, type CloseError } from '@/utils/close/errors';
import type { Rejection } from '@/utils/messages';
import type { SaveState } from './save-state';

interface SaveFeedbackProps {
  state: SaveState;
  now: number;
  onUndo: (event: Event) => void;
  onRetry: (event: Event) => void;
  onCancelQueued: (event: Event) => void;
  onOpenSettings: () => void;
}

const retryReason = (reason: 'rate-limited' | 'server' | 'offline') =>
  reason === 'rate-limited'
    ? i18n.t('panel.reasonRateLimited')
    : reason === 'server'
      ? i18n.t('panel.reasonServer')
      : i18n.t('panel.reasonOffline');

/** "Saved" only after Close confirmed; everything not yet in Close is an alert, in words. */
export function SaveFeedback({ state, now, onUndo, onRetry, onCancelQueued, onOpenSettings }: SaveFeedbackProps) {
  const status =
    state.kind === 'saving'
      ? i18n.t('panel.saving')
      : state.kind === 'saved'
        ? (state.text ?? i18n.t('panel.saved'))
        : state.kind === 'restored'
          ? i18n.t('panel.restored')
          : state.kind === 'info'
            ? state.text
            : '';
  return (
    <>
      <div class="status-row">
        <p role="status" class="status">
          {status}
        </p>
        {state.kind === 'saved' && now < state.undoUntil && Object.keys(state.undo).length > 0 && (
          <button type="button" class="link" onClick={onUndo}>
            {i18n.t('panel.undo')}
          </button>
        )}
      </div>
      {state.kind === 'retrying' && (
        <div role="alert" class="error">
          <p>
            <strong>
              {i18n.t('panel.retrying', [
                retryReason(state.reason),
                String(Math.max(0, Math.ceil((state.until - now) / 1000))),
              ])}
            </strong>{' '}
            {i18n.t('panel.retryingKept')}
          </p>
        </div>
      )}
      {state.kind === 'queued' && (
        <div role="alert" class="error">
          <p>
            <strong>{i18n.t('panel.queued')}</strong> {i18n.t('panel.queuedDetail')}
          </p>
          <button type="button" onClick={onCancelQueued}>
            {i18n.t('panel.cancelQueued')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <ErrorMessage error={state.error} onRetry={onRetry} onOpenSettings={onOpenSettings} />
      )}
    </>
  );
}

export function ErrorMessage({
  error,
  onRetry,
  onOpenSettings,
}: {
  error: CloseError | Rejection;
  onRetry: (event: Event) => void;
  onOpenSettings: () => void;
}) {
  const next = 'nextStep' in error ? error.nextStep : undefined;
  return (
    <div role="alert" class="error">
      <p>
        <strong>{error.message}</strong> {next && nextStepText(next)}
      </p>
      {next === 'open-settings' && (
        <button type="button" onClick={onOpenSettings}>
          {i18n.t('panel.openSettings')}
        </button>
      )}
      {(next === 'retry' || (!next && error.kind === 'rejected')) && (
        <button type="button" onClick={onRetry}>
          {i18n.t('panel.tryAgain')}
        </button>
      )}
    </div>
  );
}
