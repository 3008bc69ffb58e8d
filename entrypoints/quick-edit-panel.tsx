import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { QuickEditPanel } from '@/components/QuickEditPanel';
import { providePanel } from '@/utils/content/lazy-panel';
import panelCss from '@/components/panel.css?inline';
import pickersCss from '@/components/pickers.css?inline';
import editorCss from '@/components/note-editor.css?inline';

const styles = [panelCss, pickersCss, editorCss].join('\n');

// The panel, loaded by the content script on the first open (utils/content/lazy-panel.ts) and run
// in its isolated world. Web-accessible to app.close.com only (wxt.config.ts).
export default defineUnlistedScript(() => {
  // Save progress and results reach the panel through its own listener (saveEvents.on in
  // utils/panel/use-save-session.ts), registered while it is mounted.
  const styled = new WeakSet<Node>();
  providePanel((container) => {
    const shadow = container.getRootNode();
    if (!styled.has(shadow)) {
      // First, so the launcher's own rules (launcher.css) keep the last word on the launcher.
      const style = document.createElement('style');
      style.textContent = styles;
      (shadow as ShadowRoot).prepend(style);
      styled.add(shadow);
    }
    const root = document.createElement('div');
    container.append(root);
    return {
      render: (target, onClose, view, showing) =>
        render(<QuickEditPanel target={target} onClose={onClose} view={view} onShowing={showing} />, root),
      unmount() {
        render(null, root);
        root.remove();
      },
    };
  });
});
