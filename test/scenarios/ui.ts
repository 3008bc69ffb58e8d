import type { Driver, El, StandIn, Tab, Target } from '../drivers';

// The names of UI-CONTRACT.md, as targets for either browser's driver.

const inPanel = (role: string, name?: string): Target => ({ role, name, in: 'panel' });
export const PANEL = {
  launcher: inPanel('button', 'Quick edit call'),
  dialog: inPanel('dialog', 'Quick edit call'),
  call: inPanel('combobox', 'Call'),
  note: inPanel('textbox', 'Note'),
  outcome: inPanel('combobox', 'Outcome'),
  save: inPanel('button', 'Save'),
  tryAgain: inPanel('button', 'Try again'),
  openSettings: inPanel('button', 'Open settings'),
  status: inPanel('status'),
  alert: inPanel('alert'),
  option: inPanel('option'),
};
export const POPUP = {
  apiKey: { label: 'API key' } satisfies Target,
  save: { role: 'button', name: 'Save' } satisfies Target,
  disconnect: { role: 'button', name: 'Disconnect' } satisfies Target,
  alert: { role: 'alert' } satisfies Target,
  email: { css: '[data-testid="account-email"]' } satisfies Target,
  organization: { css: '[data-testid="account-organization"]' } satisfies Target,
};

/** A lead page with the panel opened from the launcher, ready to type in. */
export async function openPanel(driver: Driver, leadId: string): Promise<Tab> {
  const tab = await driver.openClosePage(`/lead/${leadId}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.dialog).waitFor();
  await tab.get(PANEL.note).waitFor();
  return tab;
}

/**
 * Picks an outcome in the Outcome combobox as a rep does with the keyboard: types its name,
 * moves the highlight down to the option of exactly that name, presses Enter.
 */
export async function pickOutcome(tab: Tab, name: string) {
  const field: El = tab.get(PANEL.outcome);
  await field.fill(name);
  // The option's name: its text without the parts hidden from assistive technology.
  const wanted = await field.evaluate((el, text) => {
    const nameOf = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : node instanceof HTMLElement && (node.hidden || node.getAttribute('aria-hidden') === 'true')
          ? ''
          : [...node.childNodes].map(nameOf).join('');
    const list = (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-controls') ?? '');
    return [...(list?.querySelectorAll('[role="option"]') ?? [])].find((o) => nameOf(o).trim() === text)?.id;
  }, name);
  if (!wanted) throw new Error(`No outcome "${name}" in the list.`);
  for (let step = 0; step < 20 && (await field.attribute('aria-activedescendant')) !== wanted; step++) await field.press('ArrowDown');
  if ((await field.attribute('aria-activedescendant')) !== wanted) throw new Error(`Could not highlight the outcome "${name}".`);
  await field.press('Enter');
}

export type LoggedRequest = { method: string; path: string; status: number | null; headers: Record<string, string>; body: unknown; time: number };

/** The API requests the stand-in received, optionally of one method. */
export const apiRequests = (standIn: StandIn, method?: string) =>
  (standIn.requests as (LoggedRequest & { host: string })[]).filter((r) => r.host === 'api.close.com' && (!method || r.method === method));

/**
 * A request of the Calls to log refresh (issue 17): the rep's calls by user and date, and the
 * names of their leads. Opening the popup and connecting a key refresh it; key checks leave it out.
 */
export const isCallsToLogRefresh = (r: { path: string; query?: Record<string, string> }) =>
  (r.path === '/api/v1/activity/call/' && r.query?.user_id !== undefined) ||
  (/^\/api\/v1\/lead\/[^/]+\/$/.test(r.path) && r.query?._fields === 'display_name,contacts');

export const basicAuth = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
