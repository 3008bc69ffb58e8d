// axe-core (the accessibility rules engine) run inside a real page in Chromium.
//
// Usage, in any e2e test:
//
//   import { axeViolations, formatViolations } from './axe';
//   const violations = await axeViolations(page);                        // the whole page
//   const inPanel = await axeViolations(page, { include: 'close-quick-edit' });          // a shadow host and
//   const inDialog = await axeViolations(page, { include: ['close-quick-edit', '[role=dialog]'] }); // inside its shadow root
//   expect(violations, formatViolations(violations)).toEqual([]);
//
// Only `serious` and `critical` violations are returned (pass `impacts` for others). Each comes with
// its rule, help text and the nodes at fault (their CSS target and axe's summary), so a failure
// reads like a to-do list. For the dark scheme, call `page.emulateMedia({ colorScheme: 'dark' })`
// first; axe checks colour contrast with the styles the page has at that moment.
//
// How axe gets in: extension pages allow only their own scripts (`script-src 'self'`), so a
// <script> tag with axe's source is refused (page.addScriptTag with `content` fails there). The
// source is evaluated through Playwright's page.evaluate instead: that is the DevTools protocol's
// Runtime.evaluate, which a page's CSP does not govern. It works the same on app.close.com, in the
// page's main world, where axe can walk the panel's *open* shadow root.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary: string | undefined }[];
}

export interface AxeOptions {
  /**
   * What to scan: a CSS selector, or a path into shadow roots (host selector, then selectors
   * inside its shadow root, …). The whole document when left out.
   */
  include?: string | [string, string, ...string[]];
  /** Impacts to report; serious and critical unless told. */
  impacts?: Impact[];
}

/** Runs axe in the page and returns the violations of the chosen impacts (none: an empty array). */
export async function axeViolations(page: Page, { include, impacts = ['serious', 'critical'] }: AxeOptions = {}) {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const context = include === undefined ? null : typeof include === 'string' ? include : { fromShadowDom: include };
  const violations = await page.evaluate(async (context) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (globalThis as any).axe;
    if (!axe) throw new Error('axe-core did not load into the page');
    if (context !== null && !document.querySelector(typeof context === 'string' ? context : context.fromShadowDom[0]))
      throw new Error(`Nothing to scan: ${JSON.stringify(context)} is not in the page`);
    const results = await axe.run(context === null ? document : { include: [context] }, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return results.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, context);
  return (violations as AxeViolation[]).filter((v) => v.impact !== null && impacts.includes(v.impact));
}

/** One readable block per violation: rule, impact, help, and each node's target and what to fix. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`,
        ...v.nodes.map((n) => `  at ${JSON.stringify(n.target)} ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n');
}
