import { themeFor } from './page-theme';

/** Sets `data-theme` on one of our hosts from what the page shows now. */
export const applyPageTheme = (host: HTMLElement) => host.setAttribute('data-theme', themeFor(document));

/**
 * Our one element on Close's page: `<name>` with an open shadow root (UI-CONTRACT.md), our
 * styles inside it, and key events stopped at its edge so typing never reaches Close's own
 * shortcuts. What WXT's createShadowRootUi did for us, in a few lines instead of its ~3 KB
 * gzip (BENCHMARKS.md).
 */
export function createShadowHost(name: string, css: string) {
  const host = document.createElement(name);
  // Close's own appearance where the page shows one, else the system's (page-theme.ts); our
  // styles key on :host([data-theme]). Read again when the panel opens: Close may have switched.
  applyPageTheme(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  return { host, shadow, container };
}
