import { i18n } from '@/utils/content/i18n';
import { askBackground } from '@/utils/content/ask-background';
import { howToChangeKey, shortcutLabel, THIS_BROWSER } from '@/utils/shortcut-label';

/**
 * The floating button; its name is part of UI-CONTRACT.md. Plain DOM, not Preact: it is on
 * every lead page a rep opens, the panel only on some (BENCHMARKS.md).
 */
export function createLauncher(onOpen: () => void, onIntent: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '✎ ';
  button.append(icon, i18n.t('launcher.name'));
  // Only a real click: a script on Close's page can reach our open shadow root (SECURITY.md).
  button.addEventListener('click', (event) => event.isTrusted && onOpen());
  // A pointer on its way to the button, or focus on it: start fetching the panel now, and read
  // the shortcut again (the rep may have changed it since the page opened).
  const intent = (event: Event) => {
    onIntent();
    // Only a real pointer or focus asks the background anything: a page script can fire these too.
    if (event.isTrusted) void describeShortcut(button);
  };
  button.addEventListener('pointerenter', intent);
  button.addEventListener('focus', intent);
  void describeShortcut(button);
  return button;
}

/**
 * The tooltip names the shortcut the browser has bound now (or that none is), and where to change
 * it (issue 14). Without an answer from the background the tooltip stays as it was.
 */
async function describeShortcut(button: HTMLElement) {
  const reply = await askBackground({ type: 'shortcut.get' });
  if (!reply?.ok) return;
  const { keys, howToChange } = shortcutLabel(reply.value.shortcut, {
    notSet: i18n.t('shortcut.notSet'),
    howToChange: i18n.t(howToChangeKey(THIS_BROWSER)),
  });
  button.title = i18n.t('shortcut.tooltip', [keys, howToChange]);
}
