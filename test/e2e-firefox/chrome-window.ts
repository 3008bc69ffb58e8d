// Running test code with the browser's own privileges in Firefox, on every Firefox the tests
// meet. Firefox 143+ lists the browser window itself over BiDi (`moz:scope: 'chrome'`, allowed
// by --remote-allow-system-access, which the harness passes). Firefox ESR 140, which Debian
// bookworm ships, ignores that scope; there a tab of ours showing about:config (a page with
// the system principal, which the same flag lets BiDi script) reaches the browser window
// through Services.wm. Either way `expression` sees `Services` and the window's `gBrowser`.
import type { Browser, Page } from 'puppeteer-core';

interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

type Contexts = { contexts: { context: string; url: string }[] };

const connection = (browser: Browser) => (browser as unknown as { connection: Bidi }).connection;

/** The about:config tab each browser keeps for ESR 140, opened on first use. */
const privilegedTabs = new WeakMap<Browser, Promise<string>>();

async function privilegedTab(browser: Browser): Promise<string> {
  const page: Page = await browser.newPage();
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string; navigate(url: string, wait: string): Promise<void> } })
    .browsingContext;
  await context.navigate('about:config', 'complete');
  return context.id;
}

/** Where privileged code runs, and what it must say first to name the browser window's gBrowser. */
async function target(browser: Browser): Promise<{ context: string; prelude: string }> {
  const { result } = await connection(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = (result as Contexts).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (chrome) return { context: chrome.context, prelude: '' };
  if (!privilegedTabs.has(browser)) privilegedTabs.set(browser, privilegedTab(browser));
  return {
    context: await privilegedTabs.get(browser)!,
    prelude: "const gBrowser = Services.wm.getMostRecentWindow('navigator:browser').gBrowser;",
  };
}

/** Evaluates `expression` with the browser's privileges and returns its JSON value. */
export async function inChromeWindow<T>(browser: Browser, expression: string): Promise<T> {
  const { context, prelude } = await target(browser);
  const { result } = await connection(browser).send('script.evaluate', {
    expression: `(async () => { ${prelude} return JSON.stringify((await (${expression})) ?? null); })()`,
    target: { context },
    awaitPromise: true,
  });
  const answer = result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
  if (answer.type !== 'success') throw new Error(`In the browser window: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
  return JSON.parse(answer.result!.value!) as T;
}
