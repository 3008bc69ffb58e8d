import { i18n } from '#i18n';
import { nextStepText, type CloseError } from '@/utils/close/errors';
import type { Rejection, WaitReason } from '@/utils/messages';
import { isLostTrack, NOTE_LIMIT, type CallEndChoice, type Status } from '@/utils/panel/save-session';
import { CallEndAlert, isCallEndWait } from './CallEndWait';

interface SaveFeedbackProps {
  status: Status;
  now: number;
  noteSize: number;
  onUndo: (event: Event) => void;
  onRetry: (event: Event) => void;
  onCancel: (event: Event) => void;
  /** Retry now: a save waiting for Close goes at once (issue 15). */
  onRetryNow?: (event: Event) => void;
  onOpenSettings: (event: Event) => void;
  /** Save anyway / Keep waiting: a note save that waited 2 minutes for its call to end (issue 14). */
  onCallEnd?: (choice: CallEndChoice) => (event: Event) => void;
  /** How a call is named (the Call control's words), for Undo of a call no longer shown. */
  nameOf?: (callId: string) => string;
}

const waitText = (reason: WaitReason) =>
  reason === 'rate-limited'
    ? i18n.t('panel.reasonRateLimited')
    : reason === 'server'
      ? i18n.t('panel.reasonServer')
      : i18n.t('panel.reasonOffline');

const INFO = {
  nothingToSave: () => i18n.t('panel.nothingToSave'),
  cancelled: () => i18n.t('panel.cancelled'),
  showingTheirs: () => i18n.t('panel.showingTheirs'),
  noOtherCall: () => i18n.t('panel.noOtherCall'),
  tooLateToCancel: () => i18n.t('panel.tooLateToCancel'),
  holdUndone: () => i18n.t('outcomeHold.undone'),
} satisfies Record<Extract<Status, { kind: 'info' }>['say'], () => string>;

/** Close busy or failing (429, 5xx), retried by itself: progress to report, nothing for the rep to do (issue 15). */
const isRetrying = (status: Status): boolean =>
  status.kind === 'waiting' && (status.reason === 'rate-limited' || status.reason === 'server');

const secondsLeft = (until: number, now: number) => String(Math.max(0, Math.ceil((until - now) / 1000)));

const retryText = (status: Extract<Status, { kind: 'waiting' }>, now: number) =>
  status.until !== undefined ? i18n.t('panel.retrying', [waitText(status.reason), secondsLeft(status.until, now)]) : waitText(status.reason);

/** The outcome hold (issue 14): a save held on purpose, counted down; Undo then sends nothing. */
const isHeld = (status: Status): boolean => status.kind === 'waiting' && status.reason === 'hold';
const holdText = (status: Extract<Status, { kind: 'waiting' }>, now: number) =>
  i18n.t(status.behind ? 'outcomeHold.sendingPrevious' : 'outcomeHold.sending', [secondsLeft(status.until ?? now, now)]);

function statusText(status: Status, now: number): string {
  if (status.kind === 'waiting' && isRetrying(status)) return `${retryText(status, now)}. ${i18n.t('panel.retryingKept')}`;
  if (status.kind === 'waiting' && isHeld(status)) return holdText(status, now);
  switch (status.kind) {
    case 'sending':
      return status.behind ? i18n.t('panel.savingPrevious') : i18n.t('panel.saving');
    case 'saved':
      return status.say === 'savedNext' ? i18n.t('panel.savedNext') : status.say === 'allDone' ? i18n.t('panel.allDone') : i18n.t('panel.saved');
    case 'restored':
      return i18n.t('panel.restored');
    case 'newer':
      return i18n.t('panel.newerUnsaved');
    case 'info':
      return INFO[status.say]();
    default:
      return '';
  }
}

/** "Saved" only after Close confirmed; every save not yet at Close is an alert, in words, with the next step. */
export function SaveFeedback({ status, now, noteSize, onUndo, onRetry, onCancel, onRetryNow, onOpenSettings, onCallEnd, nameOf }: SaveFeedbackProps) {
  // Undo after Save & next undoes the call before this one: its name says which (issue 15).
  const undoing = status.kind === 'saved' && status.callId ? nameOf?.(status.callId) : undefined;
  // UI-CONTRACT: every save not yet at Close is announced in role="alert". A retry Close asked for
  // is said there too, but calmly, not in the error box: it asks nothing of the rep (issue 15).
  const retrying = status.kind === 'waiting' && isRetrying(status);
  return (
    <>
      <div class="status-row">
        <p role="status" class="status">
          {retrying ? '' : statusText(status, now)}
        </p>
        {retrying && (
          <p role="alert" class="retrying">
            {statusText(status, now)}
          </p>
        )}
        {retrying && onRetryNow && (
          <button type="button" class="link" onClick={onRetryNow}>
            {i18n.t('retry.now')}
          </button>
        )}
        {status.kind === 'waiting' && isRetrying(status) && !status.behind && (
          <button type="button" class="link" onClick={onCancel}>
            {i18n.t('panel.cancelQueued')}
          </button>
        )}
        {isHeld(status) && (
          <button type="button" class="link" onClick={onCancel}>
            {i18n.t('panel.undo')}
          </button>
        )}
        {status.kind === 'saved' && now < status.undoUntil && Object.keys(status.undo).length > 0 && (
          <button type="button" class="link" onClick={onUndo} aria-describedby={undoing ? 'undo-call' : undefined}>
            {i18n.t('panel.undo')}
          </button>
        )}
        {undoing && status.kind === 'saved' && now < status.undoUntil && (
          <span id="undo-call" class="muted">
            {undoing}
          </span>
        )}
      </div>
      <SaveAlert
        status={status}
        now={now}
        noteSize={noteSize}
        onRetry={onRetry}
        onCancel={onCancel}
        onOpenSettings={onOpenSettings}
        {...(onCallEnd && { onCallEnd })}
      />
    </>
  );
}

/** The alert part alone: also what Go back's notice says about a call no longer shown. */
export function SaveAlert({
  status,
  now,
  noteSize,
  onRetry,
  onCancel,
  onOpenSettings,
  onCallEnd,
}: Omit<SaveFeedbackProps, 'onUndo' | 'nameOf'>) {
  if (isCallEndWait(status)) return <CallEndAlert status={status} now={now} onCancel={onCancel} {...(onCallEnd && { onCallEnd })} />;
  // A retry in progress is said above, calmly; the error box is for a save that needs the rep.
  if (status.kind === 'waiting' && !isRetrying(status) && !isHeld(status)) {
    const { reason } = status;
    const countdown = status.until !== undefined && (reason === 'rate-limited' || reason === 'server' || reason === 'offline');
    return (
      <div role="alert" class="error">
        <p>
          {reason === 'account' ? (
            <strong>{i18n.t('panel.reasonAccount')}</strong>
          ) : reason === 'unclaimed' ? (
            <strong>{i18n.t('panel.reasonUnclaimed')}</strong>
          ) : reason === 'offline' ? (
            <>
              <strong>{i18n.t('panel.queued')}</strong> {i18n.t('panel.queuedDetail')}
            </>
          ) : (
            <>
              <strong>{countdown ? retryText(status, now) : waitText(reason)}</strong> {i18n.t('panel.retryingKept')}
            </>
          )}
        </p>
        {!status.behind && (
          <button type="button" onClick={onCancel}>
            {i18n.t('panel.cancelQueued')}
          </button>
        )}
      </div>
    );
  }
  if (status.kind === 'failed') return <ErrorMessage error={status.error} onRetry={onRetry} onOpenSettings={onOpenSettings} />;
  if (status.kind === 'not-stored')
    return <ErrorMessage error={{ kind: 'rejected', message: i18n.t('errors.notStored') }} onRetry={onRetry} onOpenSettings={onOpenSettings} />;
  if (status.kind === 'too-long')
    return (
      <div role="alert" class="error">
        <p>
          <strong>{i18n.t('panel.tooLong', [String(noteSize), String(NOTE_LIMIT)])}</strong>
        </p>
      </div>
    );
  return null;
}

export function ErrorMessage({
  error,
  onRetry,
  onOpenSettings,
}: {
  error: CloseError | Rejection;
  onRetry: (event: Event) => void;
  onOpenSettings: (event: Event) => void;
}) {
  const next = 'nextStep' in error ? error.nextStep : undefined;
  return (
    <div role="alert" class="error">
      <p>
        <strong>{isLostTrack(error) ? i18n.t('panel.lostTrack') : error.message}</strong> {next && nextStepText(next)}
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
