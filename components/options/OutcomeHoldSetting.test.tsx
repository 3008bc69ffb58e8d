import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { readOutcomeHold } from '@/utils/background/hold';
import { outcomeHoldSettings } from '@/utils/outcome-hold-settings';
import { OptionsPage } from './OptionsPage';

// Issue 14: "Hold saves that change the outcome for N seconds", off by default, 5–30 s, stored
// where the background reads it.

vi.mock('@/components/ask', () => ({
  ask: vi.fn(async (message: { type: string }) =>
    message.type === 'key.status' ? { ok: true, value: { connected: false } } : { ok: true, value: [] },
  ),
}));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
async function show() {
  await act(() => render(<OptionsPage />, root));
  await settle();
}
function byLabel(text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  return (label.htmlFor ? root.querySelector(`#${label.htmlFor}`) : label.querySelector('input')) as HTMLInputElement;
}
const stored = () => readOutcomeHold((keys) => fakeBrowser.storage.local.get(keys));
const status = () => root.querySelector('[data-testid="panel-status"]')!.textContent;

it('is off by default; turned on, it holds for the seconds chosen (5–30), and the label says how long', async () => {
  await show();
  const hold = byLabel('Hold saves that change the outcome for 10 seconds');
  expect(hold.checked).toBe(false);
  expect(await stored()).toEqual({ on: false, seconds: 10 });
  hold.click();
  await settle();
  expect(await stored()).toEqual({ on: true, seconds: 10 });
  expect(status()).toBe('Saved');

  const seconds = byLabel('Seconds to hold (5–30)');
  expect([seconds.min, seconds.max]).toEqual(['5', '30']);
  seconds.value = '5';
  await act(() => void seconds.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  expect(await stored()).toEqual({ on: true, seconds: 5 });
  expect(byLabel('Hold saves that change the outcome for 5 seconds').checked).toBe(true);
  // Outside the range: kept inside it, never stored as typed.
  seconds.value = '90';
  await act(() => void seconds.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
  expect(await outcomeHoldSettings.seconds.get()).toBe(30);
  expect(seconds.value).toBe('30');
});

it('says it in German', async () => {
  useLocale('de');
  await show();
  expect(byLabel('Speicherungen, die das Ergebnis ändern, 10 Sekunden zurückhalten').checked).toBe(false);
});
