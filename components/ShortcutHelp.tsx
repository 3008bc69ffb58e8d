import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { send } from '@/utils/panel/send';
import { howToChangeShortcut, ShortcutKeys, useBoundShortcut, type ReadShortcut } from './BoundShortcut';

/**
 * Every shortcut the panel knows but the one that opens it, which is the browser's to bind (it
 * heads the help as the browser reports it); the README's keyboard table lists the same ones.
 */
export const SHORTCUTS = [
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

/** The content script cannot read browser.commands: the background answers for it. */
const askBackground: ReadShortcut = async () => {
  const reply = await send({ type: 'shortcut.get' });
  return reply.ok ? reply.value.shortcut : undefined;
};

/** The panel's keyboard help (press `?` outside the note box); Esc or its button closes it. */
export function ShortcutHelp({ onClose, readShortcut = askBackground }: { onClose: (event: Event) => void; readShortcut?: ReadShortcut }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  // Shown only once the browser said what it is: never a default that may not work.
  const open = useBoundShortcut(readShortcut);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <section class="help" role="dialog" aria-labelledby="quick-edit-help-title">
      <h3 id="quick-edit-help-title">{i18n.t('help.title')}</h3>
      <dl class="help-list">
        {open !== undefined && (
          <div>
            <dt>
              <ShortcutKeys shortcut={open} />
            </dt>
            <dd>
              {i18n.t('help.open')}
              <br />
              <span class="muted">{howToChangeShortcut()}</span>
            </dd>
          </div>
        )}
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
