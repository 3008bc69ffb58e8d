import { i18n } from '#i18n';
import { CALLS_TO_LOG_PERIODS, settings, type CallsToLogPeriod } from '@/utils/settings';
import { SaveStatus, useSaveStatus } from './save-status';
import { useSetting } from '../use-setting';

const PERIOD_LABEL = {
  today: () => i18n.t('settings.callsToLog.today'),
  last7: () => i18n.t('settings.callsToLog.last7'),
  last30: () => i18n.t('settings.callsToLog.last30'),
} satisfies Record<CallsToLogPeriod, () => string>;

/** Which of the rep's calls Calls to log counts (issue 17): the period, and whether a missing note counts. */
export function CallsToLogSection() {
  const [period, setPeriod] = useSetting(settings.callsToLogPeriod);
  const [noNote, setNoNote] = useSetting(settings.callsToLogNoNote);
  const { save, status, failed } = useSaveStatus();
  if (period === undefined || noNote === undefined) return null;
  return (
    <section aria-labelledby="calls-to-log-heading">
      <h2 id="calls-to-log-heading">{i18n.t('settings.callsToLog.heading')}</h2>
      <p class="muted">{i18n.t('settings.callsToLog.help')}</p>
      <fieldset class="corners">
        <legend>{i18n.t('settings.callsToLog.period')}</legend>
        {CALLS_TO_LOG_PERIODS.map((value) => (
          <label key={value} class="radio">
            <input
              type="radio"
              name="calls-to-log-period"
              value={value}
              checked={period === value}
              onChange={() => {
                setPeriod(value);
                void save(() => settings.callsToLogPeriod.set(value));
              }}
            />
            {PERIOD_LABEL[value]()}
          </label>
        ))}
      </fieldset>
      <div class="check">
        <input
          type="checkbox"
          id="calls-to-log-no-note"
          checked={noNote}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setNoNote(next);
            void save(() => settings.callsToLogNoNote.set(next));
          }}
        />
        <label for="calls-to-log-no-note">{i18n.t('settings.callsToLog.noNote')}</label>
      </div>
      <SaveStatus status={status} failed={failed} testId="calls-to-log-status" />
    </section>
  );
}
