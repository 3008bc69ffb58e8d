import type { Page } from 'puppeteer-core';
import { isRichBox, shownText } from '../drivers/box-text';
import type { Target } from '../drivers/driver';
import { controlOf, locateAll, waitForTarget } from '../drivers/firefox-locate';

// For the harness's own steps (connecting) and the store screenshots: elements found by role
// and accessible name as Firefox's accessibility engine computes them (firefox-locate.ts), by
// the scenarios' own targets for the names UI-CONTRACT.md promises (one list for both).
export { PANEL, POPUP } from '../scenarios/ui';

/** Waits for a visible element. */
export const find = async (page: Page, target: Target) => controlOf(await waitForTarget(page, target));

export async function click(page: Page, target: Target) {
  await (await find(page, target)).click();
}

/** Replaces the field's text by typing, so the page sees real key events. */
export async function fill(page: Page, target: Target, text: string) {
  const field = await find(page, target);
  if (await field.evaluate(isRichBox)) {
    // The Note editor (a contenteditable) has no select(): select all with the keyboard.
    await field.focus();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
  } else await field.evaluate((el) => (el as HTMLInputElement).select());
  await field.type(text);
}

/** The first match right now, or undefined: for polling, never waits. */
const now = async (page: Page, target: Target) => {
  const [handle] = await locateAll(page, target);
  return handle && controlOf(handle);
};

/** A form control's value (the Note editor's text, one line per block), or undefined while it is absent. */
export const valueOf = async (page: Page, target: Target): Promise<string | undefined> => (await now(page, target))?.evaluate(shownText);

export const textOf = async (page: Page, target: Target): Promise<string | undefined> =>
  (await now(page, target))?.evaluate((el) => el.textContent ?? '');
