import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';

/** Every shortcut the panel knows; the README's keyboard table lists the same ones. */
export const SHORTCUTS = [
  ['Alt+Shift+K', 'help.open'],
  ['Ctrl/⌘+Enter', 'help.save'],
  ['Ctrl/⌘+Shift+Enter', 'help.saveNext'],
  ['Alt+↑ / Alt+↓', 'help.moveCall'],
  ['Alt+M', 'collapse.help'],
  ['Alt+1 … Alt+9', 'help.pickOutcome'],
  ['Ctrl/⌘+B, Ctrl/⌘+I', 'help.format'],
  ['Ctrl/⌘+Shift+8', 'help.list'],
  ['/', 'help.template'],
  ['Tab, Shift+Tab', 'help.tab'],
  ['Esc', 'help.close'],
  ['?', 'help.help'],
] as const;

/** The panel's keyboard help (press `?` outside the note box); Esc or its button closes it. */
export function ShortcutHelp({ onClose }: { onClose: (event: Event) => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <section class="help" role="dialog" aria-labelledby="quick-edit-help-title">
      <h3 id="quick-edit-help-title">{i18n.t('help.title')}</h3>
      <dl class="help-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{i18n.t(what)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{i18n.t('help.move')}</p>
      <button type="button" ref={closeButton} onClick={onClose}>
        {i18n.t('help.done')}
      </button>
    </section>
  );
}
