import { i18n } from '@/utils/content/i18n';

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
  // A pointer on its way to the button, or focus on it: start fetching the panel now.
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  return button;
}
