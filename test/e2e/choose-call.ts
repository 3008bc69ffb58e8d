import type { Locator } from 'playwright-core';

/**
 * Picks a call in the panel's Call control as a rep does, with real key presses. Playwright's
 * selectOption() sets the value from a script (an untrusted change event), which the panel
 * ignores, as it ignores a page script's (issue 13).
 */
export async function chooseCall(dialog: Locator, callId: string) {
  const select = dialog.getByLabel('Call');
  const values = await select.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.value));
  const to = values.indexOf(callId);
  if (to < 0) throw new Error(`No call ${callId} in the Call control`);
  await select.focus();
  for (let at = values.indexOf(await select.inputValue()); at !== to; at += at < to ? 1 : -1)
    await select.press(at < to ? 'ArrowDown' : 'ArrowUp');
  await dialog.page().waitForFunction(
    ([id]) => document.querySelector('close-quick-edit')?.shadowRoot?.querySelector<HTMLSelectElement>('#quick-edit-call')?.value === id,
    [callId],
  );
}
