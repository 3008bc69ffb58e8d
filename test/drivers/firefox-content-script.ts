// Reaching our content script's own world in Firefox. WebDriver BiDi lists a page's window realm
// and its own sandboxes, not an add-on's content-script sandbox; but with
// --remote-allow-system-access (the harness passes it) BiDi evaluates in the browser's chrome
// window, and from there a frame script in the tab's content process asks Firefox's own
// ExtensionContent module for our add-on's content-script context in that window (its
// sandbox, the one our content script runs in) and evaluates there.
import type { FirefoxHarness } from '../e2e-firefox/harness';
import type { ContentScriptWorld } from './driver';

interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

const bidi = (harness: FirefoxHarness) => (harness.browser as unknown as { connection: Bidi }).connection;

async function chromeContext(harness: FirefoxHarness): Promise<string> {
  const { result } = await bidi(harness).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  // The browser window, not whichever chrome document the tree lists first.
  const top = (result.contexts as { context: string; url: string }[]).find((c) => c.url.startsWith('chrome://browser/'));
  // Firefox 140 ESR's BiDi ignores moz:scope and lists only the tabs: there is no way in then.
  if (!top)
    throw new Error(
      'WebDriver BiDi gave no chrome window (browsingContext.getTree with moz:scope "chrome"): this Firefox lacks the chrome scope ' +
        '(140 ESR does) or was started without --remote-allow-system-access, so our content script\'s sandbox cannot be reached.',
    );
  return top.context;
}

/** Runs `expression` in the browser's chrome window (system principal) and returns its JSON value. */
async function inChrome<T>(harness: FirefoxHarness, context: string, expression: string): Promise<T> {
  const { result } = await bidi(harness).send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  const answer = result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
  if (answer.type !== 'success') throw new Error(`In the chrome window: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
  return JSON.parse(answer.result!.value!) as T;
}

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
  const context = await chromeContext(harness);
  const tab = `gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)})`;
  const loaded = await inChrome<boolean>(
    harness,
    context,
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
      const answer = await inChrome<{ json?: string; error?: string }>(
        harness,
        context,
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
