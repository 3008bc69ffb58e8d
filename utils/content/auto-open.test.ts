import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settings } from '../settings';
import { AUTO_OPEN_KEY, autoOpen } from './auto-open';
import { createController } from './controller';
import type { PageTarget } from '../page';

const LEAD = 'lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy';
const CALL = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  setURL(`https://app.close.com/lead/${LEAD}/#activityId=${CALL}`);
});

it('reads the key the settings item writes (the content script cannot import it: no zod there)', async () => {
  expect(`local:${AUTO_OPEN_KEY}`).toBe(settings.autoOpen.key);
  await settings.autoOpen.set(true);
  expect(await fakeBrowser.storage.local.get(AUTO_OPEN_KEY)).toEqual({ [AUTO_OPEN_KEY]: true });
});

it('opens the panel on a URL naming the call, only when the setting is exactly true', async () => {
  const target: PageTarget = { leadId: LEAD, callId: CALL };
  for (const [stored, opens] of [[undefined, false], [false, false], ['true', false], [1, false], [true, true]] as const) {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ [AUTO_OPEN_KEY]: stored });
    const controller = createController(target);
    autoOpen(target, controller);
    await settle();
    expect([stored, controller.get().open]).toEqual([stored, opens]);
  }
});

it('does nothing where the URL names no call, or when the page moved on meanwhile', async () => {
  await settings.autoOpen.set(true);
  const leadOnly: PageTarget = { leadId: LEAD };
  const onLead = createController(leadOnly);
  autoOpen(leadOnly, onLead);
  await settle();
  expect(onLead.get().open).toBe(false);

  const target: PageTarget = { leadId: LEAD, callId: CALL };
  const controller = createController(target);
  const open = vi.spyOn(controller, 'open');
  autoOpen(target, controller);
  controller.setTarget({ leadId: LEAD });
  await settle();
  expect(open).not.toHaveBeenCalled();
});
