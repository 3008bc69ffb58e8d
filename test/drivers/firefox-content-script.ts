// Reaching our content script's own world in Firefox. WebDriver BiDi lists a page's window realm
// and its own sandboxes, not an add-on's content-script sandbox; but with
// --remote-allow-system-access (the harness passes it) BiDi evaluates with the browser's own
// privileges (../e2e-firefox/chrome-window.ts, also on ESR 140), and from there a frame script in the tab's content process asks Firefox's own
// ExtensionContent module for our add-on's content-script context in that window (its
// sandbox, the one our content script runs in) and evaluates there.
import type { FirefoxHarness } from '../e2e-firefox/harness';
import { inChromeWindow } from '../e2e-firefox/chrome-window';
import type { ContentScriptWorld } from './driver';

// Runs in the content process (frame script). Finds the content-script sandbox of `addonId` in
// the tab's top window and evaluates there; the sandbox turns its value into JSON itself.
const FRAME_SCRIPT = `
const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
addMessageListener('quick-edit-test:evaluate', async ({ data }) => {
  const reply = (value) => sendAsyncMessage('quick-edit-test:result', { id: data.id, ...value });
  try {
    const sandbox = ExtensionContent.getContextByExtensionId(data.addonId, content)?.sandbox;
    if (!sandbox) return reply({ error: 'no content script of ' + data.addonId + ' in this window' });
    const json = await Cu.evalInSandbox('Promise.resolve(' + data.expression + ').then((v) => JSON.stringify(v ?? null))', sandbox);
    reply({ json: String(json) });
  } catch (error) {
    reply({ error: String(error) });
  }
});`;

/** Our content script's realm in the tab showing `url` (the top frame). */
export async function contentScriptRealm(harness: FirefoxHarness, url: string, addonId: string): Promise<ContentScriptWorld> {
  const tab = `gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)})`;
  const loaded = await inChromeWindow<boolean>(
    harness.browser,
    `(() => {
      const browser = ${tab};
      if (!browser) return false;
      browser.messageManager.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(FRAME_SCRIPT)}), false);
      return true;
    })()`,
  );
  if (!loaded) throw new Error(`No tab shows ${url}.`);
  let next = 0;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = ++next;
      const answer = await inChromeWindow<{ json?: string; error?: string }>(
        harness.browser,
        `new Promise((resolve) => {
          const manager = (${tab}).messageManager;
          const listener = ({ data }) => {
            if (data.id !== ${id}) return;
            manager.removeMessageListener('quick-edit-test:result', listener);
            resolve(data);
          };
          manager.addMessageListener('quick-edit-test:result', listener);
          manager.sendAsyncMessage('quick-edit-test:evaluate', { id: ${id}, addonId: ${JSON.stringify(addonId)}, expression: ${JSON.stringify(expression)} });
        })`,
      );
      if (answer.error !== undefined) throw new Error(`In the content script: ${answer.error}`);
      return JSON.parse(answer.json!) as T;
    },
    // The frame script stays until the tab closes; it answers only these test messages.
    detach: async () => undefined,
  };
}
