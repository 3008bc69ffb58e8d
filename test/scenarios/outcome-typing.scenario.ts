import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, openPanel } from './ui';

// Issue 15, point 2: picking an outcome by typing. "int" and Enter kept "No outcome" (nothing was
// highlighted until ↓); a click into the field put the caret mid-word.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

const optionText = (id: string | null | undefined) => ({ css: `#${id}`, in: 'panel' as const });

test('typing highlights the first match and Enter takes it; a click selects the name, so typing replaces it; a full name is taken on Tab', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const outcome = tab.get(PANEL.outcome);
  await outcome.click();
  // The click focused the field and selected its whole text: typing replaces it.
  await tab.type('int');
  expect(await outcome.value()).toBe('int');
  const highlighted = await outcome.attribute('aria-activedescendant');
  expect(await tab.get(optionText(highlighted)).text()).toMatch(/^Interested/);
  await tab.press('Enter');
  await expect.poll(() => outcome.value()).toBe('Interested');
  expect(await outcome.attribute('aria-expanded')).toBe('false');

  // No match: Enter does nothing and the field says so (coming back from the Note box).
  await tab.get(PANEL.note).click();
  await outcome.click();
  await tab.type('zzz');
  await tab.press('Enter');
  expect(await outcome.value()).toBe('zzz');
  expect(await tab.get({ css: '.combobox-empty', in: 'panel' }).text()).toBe('No matches');

  // A name typed in full is taken on Tab.
  await tab.press('Control+a');
  await tab.type('left voicemail');
  await tab.press('Tab');
  await expect.poll(() => outcome.value()).toBe('Left voicemail');
  await tab.close();
});
