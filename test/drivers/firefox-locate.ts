import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import type { Scope, Target } from './driver';

// Finding a target by role and name in Firefox: Firefox's accessibility engine still decides
// (BiDi's accessibility locator), but it is asked about the few elements that can have the role,
// not about the whole tree. Asked from a root, Firefox ESR 140 spends a few milliseconds per node:
// 100–600 ms for one lookup in the panel (puppeteer's `>>> ::-p-aria(…)` more still), which made
// every Firefox scenario about four times slower than the same one in Chromium. Asked about the
// candidates, the same lookup takes about 10 ms.

/**
 * Elements that can have a role without saying so (HTML-AAM's implicit roles, generously): with
 * `[role~=…]` a superset of what the engine may report, so it, not this list, decides. A role not
 * listed here is asked of the whole scope.
 */
const IMPLICIT: Record<string, string> = {
  alert: '',
  button: 'button, input[type=button i], input[type=submit i], input[type=reset i], input[type=image i], summary',
  checkbox: 'input[type=checkbox i]',
  combobox: 'select, input',
  dialog: 'dialog',
  heading: 'h1, h2, h3, h4, h5, h6',
  link: 'a[href], area[href]',
  listbox: 'select, datalist',
  option: 'option',
  radio: 'input[type=radio i]',
  region: 'section',
  status: 'output',
  textbox: 'textarea, input, [contenteditable]',
};

const candidatesOf = (role: string) => [IMPLICIT[role], `[role~="${role}"]`].filter(Boolean).join(', ');

type RemoteNode = { type: 'node'; sharedId?: string };
type BidiInternals = {
  browsingContext: { locateNodes(locator: object, startNodes: RemoteNode[]): Promise<RemoteNode[]> };
};
type BidiHandle = ElementHandle<Node> & { remoteValue(): RemoteNode; realm: unknown };

function browsingContextOf(page: Page): BidiInternals['browsingContext'] {
  const context = (page.mainFrame() as unknown as Partial<BidiInternals>).browsingContext;
  if (!context?.locateNodes) throw new Error('This puppeteer-core no longer exposes the BiDi browsing context of a frame.');
  return context;
}

/** The roots a scope searches: the document, or the open shadow roots of our panel's or a feed button's hosts. */
async function rootsOf(page: Page, scope: Scope): Promise<BidiHandle[]> {
  const host = typeof scope === 'object' ? `close-quick-edit-feed[data-call-id="${scope.feed}"]` : scope === 'panel' ? 'close-quick-edit' : undefined;
  const list = await page.evaluateHandle((selector) => {
    if (!selector) return [document.documentElement];
    // Shadow roots inside shadow roots too, as puppeteer's `>>>` went.
    const roots: ShadowRoot[] = [];
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const el of root.querySelectorAll('*'))
        if (el.shadowRoot) roots.push(el.shadowRoot), visit(el.shadowRoot);
    };
    for (const el of document.querySelectorAll(selector)) if (el.shadowRoot) roots.push(el.shadowRoot), visit(el.shadowRoot);
    return roots;
  }, host);
  const roots = [...(await list.getProperties()).values()] as JSHandle[];
  await list.dispose();
  return roots.map((root) => root.asElement()).filter(Boolean) as unknown as BidiHandle[];
}

/** Every element in the target's scope that matches it, in tree order. */
export async function locateAll(page: Page, target: Target): Promise<ElementHandle<Element>[]> {
  const context = browsingContextOf(page);
  const roots = await rootsOf(page, target.in ?? 'page');
  try {
    if (!roots.length) return [];
    const starts = roots.map((root) => root.remoteValue());
    let nodes: RemoteNode[];
    if ('css' in target) nodes = await context.locateNodes({ type: 'css', value: target.css }, starts);
    else {
      const role = 'role' in target ? target.role : undefined;
      // Firefox gives some controls (a password field) no role; their <label> carries the name.
      const name = 'role' in target ? target.name : target.label;
      const accessible = { type: 'accessibility', value: { ...(role && { role }), ...(name !== undefined && { name }) } };
      if (role && role in IMPLICIT) {
        const candidates = await context.locateNodes({ type: 'css', value: candidatesOf(role) }, starts);
        nodes = candidates.length ? await context.locateNodes(accessible, candidates) : [];
      } else nodes = await context.locateNodes(accessible, starts);
    }
    // A candidate inside another candidate is found from both.
    const seen = new Set<string>();
    const unique = nodes.filter((node) => !node.sharedId || (!seen.has(node.sharedId) && seen.add(node.sharedId)));
    const { constructor, realm } = roots[0]!;
    return unique.map((node) => (constructor as unknown as { from(n: RemoteNode, r: unknown): ElementHandle<Element> }).from(node, realm));
  } finally {
    await Promise.all(roots.map((root) => root.dispose().catch(() => undefined)));
  }
}

/** A matched <label> stands for the control it labels. */
export const controlOf = async (handle: ElementHandle<Element>) =>
  ((await handle.evaluateHandle((el) => (el instanceof HTMLLabelElement ? (el.control ?? el) : el))).asElement() ?? handle) as ElementHandle<Element>;

/** What puppeteer's waitForSelector(…, { visible: true }) calls visible. */
const isVisible = (el: Element) => {
  const rect = el.getBoundingClientRect();
  return getComputedStyle(el).visibility !== 'hidden' && rect.width > 0 && rect.height > 0;
};

const shown = (target: Target) =>
  'css' in target ? target.css : 'label' in target ? `label "${target.label}"` : `${target.role}${target.name === undefined ? '' : ` "${target.name}"`}`;

/** The first match once it is visible, as waitForSelector waited (30 s); a navigation midway is waited out. */
export async function waitForTarget(page: Page, target: Target, timeout = 30_000): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [first] = await locateAll(page, target).catch(() => []);
    if (first && (await first.evaluate(isVisible).catch(() => false))) return first;
    if (Date.now() > deadline) throw new Error(`${shown(target)} did not show within ${timeout} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
