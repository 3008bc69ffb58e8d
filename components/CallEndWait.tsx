import { i18n } from '#i18n';
import { isCallLive } from '@/utils/call-live';
import type { Call } from '@/utils/close/schemas';
import type { CallEndReason } from '@/utils/messages';
import type { CallEndChoice, Status } from '@/utils/panel/save-session';

// A call Close still reads as going on (issue 14): the panel says so, and a save of its note
// waits for the call to end (utils/background/call-end-wait.ts), visibly, then asks the rep.

/** The mark under the Call control for a call still in progress (`created` / `in-progress`). */
export function CallLiveMark({ call }: { call: Call }) {
  if (!isCallLive(call.status)) return null;
  return <p class="muted call-live">{i18n.t('callEnd.mark')}</p>;
}

type Waiting = Extract<Status, { kind: 'waiting' }>;

type CallEndWaiting = Waiting & { reason: CallEndReason };

export const isCallEndWait = (status: Status): status is CallEndWaiting =>
  status.kind === 'waiting' && (status.reason === 'call-live' || status.reason === 'call-ask');

interface CallEndAlertProps {
  status: Waiting;
  now: number;
  onCancel: (event: Event) => void;
  onCallEnd?: (choice: CallEndChoice) => (event: Event) => void;
}

/**
 * Every save not yet at Close is announced in role="alert" (UI-CONTRACT): while Close is asked
 * again it is said calmly, with a countdown; after 2 minutes the rep chooses.
 */
export function CallEndAlert({ status, now, onCancel, onCallEnd }: CallEndAlertProps) {
  const asking = status.reason === 'call-ask';
  const seconds = String(Math.max(0, Math.ceil(((status.until ?? now) - now) / 1000)));
  return (
    <div role="alert" class={asking ? 'error' : 'retrying'}>
      <p>
        {asking ? (
          <strong>{i18n.t('callEnd.ask')}</strong>
        ) : (
          <>
            {i18n.t('callEnd.waiting', [seconds])} {i18n.t('panel.retryingKept')}
          </>
        )}
      </p>
      {!status.behind && (
        <div class="actions">
          {asking && onCallEnd && (
            <>
              <button type="button" class="primary" onClick={onCallEnd('anyway')}>
                {i18n.t('callEnd.anyway')}
              </button>
              <button type="button" onClick={onCallEnd('wait')}>
                {i18n.t('callEnd.keepWaiting')}
              </button>
            </>
          )}
          <button type="button" class={asking ? undefined : 'link'} onClick={onCancel}>
            {i18n.t('panel.cancelQueued')}
          </button>
        </div>
      )}
    </div>
  );
}
