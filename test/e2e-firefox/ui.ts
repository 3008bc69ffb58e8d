import type { ElementHandle, Page } from 'puppeteer-core';
import { isRichBox, shownText } from '../drivers/box-text';

// Elements are found by role and accessible name as Firefox's accessibility engine computes
// them (WebDriver BiDi's accessibility locator), the names UI-CONTRACT.md promises.
const aria = (name: string, role: string) => `::-p-aria([name="${name}"][role="${role}"])`;
const role = (name: string) => `::-p-aria([role="${name}"])`;
/** Inside the content script's open shadow root. */
const panel = (selector: string) => `close-quick-edit >>> ${selector}`;

export const POPUP = {
  // Firefox gives a password field no ARIA role, and its <label> carries the same name: the
  // helpers below resolve a matched label to the control it labels.
  apiKey: '::-p-aria(API key)',
  save: aria('Save', 'button'),
  disconnect: aria('Disconnect', 'button'),
  alert: role('alert'),
  email: '[data-testid="account-email"]',
  organization: '[data-testid="account-organization"]',
};

export const PANEL = {
  launcher: panel(aria('Quick edit call', 'button')),
  dialog: panel(aria('Quick edit call', 'dialog')),
  call: panel(aria('Call', 'combobox')),
  note: panel(aria('Note', 'textbox')),
  outcome: panel(aria('Outcome', 'combobox')),
  save: panel(aria('Save', 'button')),
  openSettings: panel(aria('Open settings', 'button')),
  status: panel(role('status')),
  alert: panel(role('alert')),
};

/**
 * Waits for a visible element. (puppeteer's Locator API times out on BiDi accessibility
 * selectors in Firefox, so these helpers use waitForSelector, which does not.)
 */
export async function find(page: Page, selector: string) {
  const handle = await page.waitForSelector(selector, { visible: true });
  const control = (await handle?.evaluateHandle((el) => (el instanceof HTMLLabelElement ? el.control ?? el : el)))?.asElement();
  if (!control) throw new Error(`${selector} not found.`);
  return control as ElementHandle<Element>;
}

export async function click(page: Page, selector: string) {
  await (await find(page, selector)).click();
}

/** Replaces the field's text by typing, so the page sees real key events. */
export async function fill(page: Page, selector: string, text: string) {
  const field = await find(page, selector);
  if (await field.evaluate(isRichBox)) {
    // The Note editor (a contenteditable) has no select(): select all with the keyboard.
    await field.focus();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
  } else await field.evaluate((el) => (el as HTMLInputElement).select());
  await field.type(text);
}

/** How many elements match right now (0 while absent): for polling, never waits. */
export const count = async (page: Page, selector: string) => (await page.$$(selector)).length;

/** A form control's value (the Note editor's text, one line per block), or undefined while it is absent. */
export async function valueOf(page: Page, selector: string): Promise<string | undefined> {
  const handle = await page.$(selector);
  const control = (await handle?.evaluateHandle((el) => (el instanceof HTMLLabelElement ? el.control : el)))?.asElement() as
    | ElementHandle<Element>
    | null
    | undefined;
  return control?.evaluate(shownText);
}

export async function textOf(page: Page, selector: string): Promise<string | undefined> {
  const handle = await page.$(selector);
  return handle?.evaluate((el) => el.textContent ?? '');
}
