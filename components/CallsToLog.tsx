import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Call } from '@/utils/close/schemas';
import type { PageTarget } from '@/utils/page';
import { askCallsToLog, leadPath, leftToLog, queueCallLabel } from '@/utils/panel/queue';
import type { Event, Session } from '@/utils/panel/save-session';
import { trusted } from '@/utils/panel/trusted';

const RETRY_MS = 30_000;

/**
 * Calls to log in the panel (issue 17): the **Calls to log (N)** button that switches to the
 * queue, and in the queue the shown call's **Open lead** link, the way back to the page's own
 * call, and **All calls logged** once none is left. A queue that could not be listed is said by
 * the panel's error box and asked again by itself.
 */
export function CallsToLogBar({ session: s, dispatch, target }: { session: Session; dispatch: (event: Event) => void; target: PageTarget }) {
  const inQueue = s.view === 'calls-to-log';
  const ready = s.load.state === 'ready' && s.load.data.connected;
  const [count, setCount] = useState<number>();
  // On the page's view the count is the background's (not asked of Close again: a minute's cache).
  useEffect(() => {
    if (inQueue) return;
    let live = true;
    void askCallsToLog({ type: 'calls.list' }).then((reply) => {
      if (live) setCount(reply?.ok && reply.value.state === 'ready' ? reply.value.calls.length : undefined);
    });
    return () => void (live = false);
  }, [inQueue]);
  const failed = inQueue && s.load.state === 'failed';
  useEffect(() => {
    if (!failed) return;
    const timer = setTimeout(() => dispatch({ type: 'reload' }), RETRY_MS);
    return () => clearTimeout(timer);
  }, [failed, s.loadToken]);

  const shown = inQueue && ready ? (s.calls.find((c) => c.id === s.callId) as Call | undefined) : undefined;
  const left = inQueue && ready ? leftToLog(s.calls) : count;
  const href = shown && leadPath(shown);
  const pageHasCall = target.leadId !== undefined || target.callId !== undefined;
  if (s.load.state === 'ready' && !s.load.data.connected) return null;
  return (
    <div class="calls-to-log">
      <div class="actions">
        <button
          type="button"
          aria-pressed={inQueue}
          onClick={trusted(() => dispatch(inQueue ? { type: 'reload' } : { type: 'view', view: 'calls-to-log' }))}
        >
          {left === undefined ? i18n.t('callsToLog.buttonUncounted') : i18n.t('callsToLog.button', [String(left)])}
        </button>
        {inQueue && pageHasCall && (
          <button type="button" class="link" onClick={trusted(() => dispatch({ type: 'view', view: 'page' }))}>
            {i18n.t('callsToLog.backToPage')}
          </button>
        )}
        {href && left !== 0 && (
          <a href={href} class="link">
            {i18n.t('callsToLog.openLead')}
          </a>
        )}
      </div>
      {inQueue && s.load.state === 'loading' && <p class="muted">{i18n.t('callsToLog.loading')}</p>}
      {inQueue && ready && left === 0 && (
        <p role="status" class="all-logged">
          {i18n.t('callsToLog.allLogged')}
        </p>
      )}
    </div>
  );
}

/** The Call control's option names in the queue: lead, contact or phone, date, duration. */
export const queueLabel = (s: Session) => (call: Call) => queueCallLabel(call, s.queue?.find((entry) => entry.call.id === call.id));
