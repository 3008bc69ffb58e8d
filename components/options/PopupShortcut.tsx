import { i18n } from '#i18n';
import { currentShortcut } from '@/utils/background/shortcut';
import { howToChangeShortcut, ShortcutKeys, useBoundShortcut, type ReadShortcut } from '../BoundShortcut';

// An extension page may read browser.commands itself; no need to wake the background.
const readCommands: ReadShortcut = async () => (await currentShortcut()).shortcut;

/** The popup's line on the open-panel shortcut, as the browser has it bound (or not), and where to change it. */
export function PopupShortcut({ read = readCommands }: { read?: ReadShortcut }) {
  const shortcut = useBoundShortcut(read);
  if (shortcut === undefined) return null;
  return (
    <section class="popup-shortcut" aria-label={i18n.t('shortcutShown.heading')}>
      <p>
        {i18n.t('shortcutShown.popup')} <ShortcutKeys shortcut={shortcut} />
      </p>
      <p class="muted">{howToChangeShortcut()}</p>
    </section>
  );
}
