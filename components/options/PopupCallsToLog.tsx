import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import type { CallsToLogState } from '@/utils/calls-to-log';
import type { CallsToLogReplyFor } from '@/utils/calls-to-log-messages';

type Send = (message: { type: 'calls.count' } | { type: 'calls.open' }) => Promise<unknown>;
const defaultSend: Send = (message) => browser.runtime.sendMessage(message);

/**
 * The popup's Calls to log (issue 17): "N calls to log" and **Log calls**, which focuses (or
 * opens) a Close tab with the panel in the queue. Opening the popup refreshes the count.
 */
export function PopupCallsToLog({ send = defaultSend, onOpened }: { send?: Send; onOpened?: () => void }) {
  const [state, setState] = useState<CallsToLogState>();
  useEffect(() => {
    // No answer (a worker starting again) shows nothing: the connection part says what is wrong.
    void send({ type: 'calls.count' })
      .then((reply) => {
        const r = reply as CallsToLogReplyFor<{ type: 'calls.count' }> | undefined;
        if (r?.ok) setState(r.value);
      })
      .catch(() => undefined);
  }, []);

  if (!state || state.state === 'loading' || state.state === 'disconnected') return null;
  const count = state.state === 'ready' ? state.calls.length : undefined;
  const text =
    count === undefined
      ? i18n.t('popup.callsUnknown')
      : count === 0
        ? i18n.t('popup.allLogged')
        : count === 1
          ? i18n.t('popup.callsOne')
          : i18n.t('popup.callsMany', [String(count)]);
  return (
    <section class="calls-to-log" aria-label={i18n.t('settings.callsToLog.heading')}>
      <p role="status">{text}</p>
      {count !== 0 && (
        <button
          type="button"
          onClick={async () => {
            await send({ type: 'calls.open' }).catch(() => undefined);
            onOpened?.();
          }}
        >
          {i18n.t('popup.logCalls')}
        </button>
      )}
    </section>
  );
}
