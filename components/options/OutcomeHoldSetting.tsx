import { i18n } from '#i18n';
import { HOLD_SECONDS_MAX, HOLD_SECONDS_MIN } from '@/utils/background/hold';
import { outcomeHoldSettings as settings } from '@/utils/outcome-hold-settings';
import { useSetting } from '../use-setting';
import { CheckSetting } from './CheckSetting';

/** Whole seconds within the hold's range: what the rep typed, kept inside 5–30. */
const withinRange = (typed: number) => Math.min(HOLD_SECONDS_MAX, Math.max(HOLD_SECONDS_MIN, Math.round(typed)));

/**
 * "Hold saves that change the outcome for N seconds" (issue 14), off by default. Written through
 * the Panel section's status line (`save`), so "Saved" shows only once it is stored.
 */
export function OutcomeHoldSetting({ save }: { save: (write: () => Promise<void>) => Promise<boolean> }) {
  const [on, setOn] = useSetting(settings.on);
  const [seconds, setSeconds] = useSetting(settings.seconds);
  if (on === undefined || seconds === undefined) return null;
  return (
    <>
      <CheckSetting
        id="outcome-hold"
        label={i18n.t('outcomeHold.setting', [String(seconds)])}
        checked={on}
        onChange={(next) => {
          setOn(next);
          void save(() => settings.on.set(next));
        }}
      />
      <label class="field inline">
        <span>{i18n.t('outcomeHold.seconds')}</span>
        <input
          type="number"
          min={HOLD_SECONDS_MIN}
          max={HOLD_SECONDS_MAX}
          step={1}
          value={seconds}
          onChange={(e) => {
            const typed = Number(e.currentTarget.value);
            const next = Number.isFinite(typed) ? withinRange(typed) : seconds;
            e.currentTarget.value = String(next);
            setSeconds(next);
            void save(() => settings.seconds.set(next));
          }}
        />
      </label>
      <p class="muted" id="outcome-hold-help">
        {i18n.t('outcomeHold.help')}
      </p>
    </>
  );
}
