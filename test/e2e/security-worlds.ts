// Reaching the content script's isolated world from a test. Playwright evaluates only in a
// page's main world; the Chrome DevTools Protocol lists every execution context of a frame,
// the extension's isolated world among them (named after the extension, with its origin).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; type?: string };
}

export interface IsolatedWorld {
  /** Evaluates an expression in our content script's world and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/** The content script's world in the page's top frame; waits until the script is there. */
export async function contentScriptWorld(context: BrowserContext, page: Page, extensionId: string): Promise<IsolatedWorld> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }: { context: ExecutionContext }) => contexts.push(created));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    const at = contexts.findIndex((c) => c.id === executionContextId);
    if (at >= 0) contexts.splice(at, 1);
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const find = () =>
    contexts.find(
      (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id,
    );
  for (let waited = 0; !find(); waited += 50) {
    if (waited > 10_000) throw new Error('The content script\'s world did not appear');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const world = find();
      if (!world) throw new Error('The content script\'s world is gone (navigation?)');
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/** Defines `__xss(n)`, which records into `__xssHits`, in whatever world runs it. */
export const XSS_HOOK = `(() => {
  globalThis.__xssHits = globalThis.__xssHits || [];
  globalThis.__xss = (n) => globalThis.__xssHits.push(n);
  return true;
})()`;
