import type { Locator } from 'playwright-core';

/** The Outcome combobox inside the panel (components/OutcomePicker.tsx). */
export const outcomeField = (dialog: Locator) => dialog.getByRole('combobox', { name: 'Outcome' });

/**
 * Picks an outcome as a rep does with the keyboard: types its name into the Outcome combobox,
 * moves the highlight down to the option of exactly that name, and presses Enter.
 */
export async function pickOutcome(dialog: Locator, name: string) {
  const field = outcomeField(dialog);
  await field.fill(name);
  const option = dialog.getByRole('listbox').getByRole('option', { name, exact: true });
  const id = await option.getAttribute('id');
  for (let step = 0; step < 20 && (await field.getAttribute('aria-activedescendant')) !== id; step++) {
    await field.press('ArrowDown');
  }
  if ((await field.getAttribute('aria-activedescendant')) !== id) throw new Error(`Could not highlight the outcome "${name}".`);
  await field.press('Enter');
}
