import { i18n } from '#i18n';
import { CORNERS, DEFAULT_PANEL_POSITION, settings, type Corner, type PanelPosition } from '@/utils/settings';
import { CheckSetting } from './CheckSetting';
import { OutcomeHoldSetting } from './OutcomeHoldSetting';
import { SaveStatus, useSaveStatus } from './save-status';
import { useSetting } from '../use-setting';

const CORNER_LABEL = {
  'bottom-right': () => i18n.t('settings.panel.bottomRight'),
  'bottom-left': () => i18n.t('settings.panel.bottomLeft'),
  'top-right': () => i18n.t('settings.panel.topRight'),
  'top-left': () => i18n.t('settings.panel.topLeft'),
} satisfies Record<Corner, () => string>;
const DEFAULT_CORNER: Corner = DEFAULT_PANEL_POSITION.kind === 'dock' ? DEFAULT_PANEL_POSITION.corner : 'bottom-right';

/** How the quick-edit panel behaves on Close's pages: opening by itself, and where it sits. */
export function PanelSection() {
  const [autoOpen, setAutoOpen] = useSetting(settings.autoOpen);
  const [closeAfterSave, setCloseAfterSave] = useSetting(settings.closeAfterSave);
  const [position, setPosition] = useSetting(settings.panelPosition);
  const { save, status, failed } = useSaveStatus();
  const dock = (corner: Corner) => {
    const next: PanelPosition = { kind: 'dock', corner };
    setPosition(next);
    void save(() => settings.panelPosition.set(next));
  };

  if (autoOpen === undefined || closeAfterSave === undefined || position === undefined) return null;
  return (
    <section aria-labelledby="panel-heading">
      <h2 id="panel-heading">{i18n.t('settings.panel.heading')}</h2>
      <CheckSetting
        id="auto-open"
        label={i18n.t('settings.panel.autoOpen')}
        checked={autoOpen}
        onChange={(next) => {
          setAutoOpen(next);
          void save(() => settings.autoOpen.set(next));
        }}
      />
      <p class="muted" id="auto-open-help">
        {i18n.t('settings.panel.autoOpenHelp')}
      </p>
      <CheckSetting
        id="close-after-save"
        label={i18n.t('settings.panel.closeAfterSave')}
        checked={closeAfterSave}
        onChange={(next) => {
          setCloseAfterSave(next);
          void save(() => settings.closeAfterSave.set(next));
        }}
      />
      <p class="muted" id="close-after-save-help">
        {i18n.t('settings.panel.closeAfterSaveHelp')}
      </p>
      <OutcomeHoldSetting save={save} />
      <fieldset class="corners" aria-describedby={position.kind === 'free' ? 'panel-moved' : undefined}>
        <legend>{i18n.t('settings.panel.position')}</legend>
        {CORNERS.map((corner) => (
          <label key={corner} class="radio">
            <input
              type="radio"
              name="corner"
              value={corner}
              checked={position.kind === 'dock' && position.corner === corner}
              onChange={() => dock(corner)}
            />
            {CORNER_LABEL[corner]()}
          </label>
        ))}
      </fieldset>
      {position.kind === 'free' && (
        <div class="moved">
          <p id="panel-moved">{i18n.t('settings.panel.moved')}</p>
          <button
            type="button"
            onClick={() => {
              dock(DEFAULT_CORNER);
              // The button goes away with the free position: the focus goes to the chosen corner.
              requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[name=corner]:checked')?.focus());
            }}
          >
            {i18n.t('settings.panel.resetToCorner')}
          </button>
        </div>
      )}
      <SaveStatus status={status} failed={failed} testId="panel-status" />
    </section>
  );
}
