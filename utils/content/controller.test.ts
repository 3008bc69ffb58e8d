import { expect, it } from 'vitest';
import { createController } from './controller';

const LEAD = 'lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy';
const OTHER_LEAD = 'lead_Zz2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy';
const CALL = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const OTHER_CALL = 'acti_Zz9Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0a';

it('opens on a call picked in the feed, switches to another, and goes back to the page’s target on close', () => {
  const controller = createController({ leadId: LEAD });
  controller.openCall(CALL);
  expect(controller.get()).toEqual({ target: { leadId: LEAD, callId: CALL }, open: true, view: 'page' });
  controller.openCall(OTHER_CALL);
  expect(controller.get()).toEqual({ target: { leadId: LEAD, callId: OTHER_CALL }, open: true, view: 'page' });
  controller.close();
  // The launcher then opens the page's own call again.
  expect(controller.get()).toEqual({ target: { leadId: LEAD }, open: false, view: 'page' });
  controller.open();
  expect(controller.get()).toEqual({ target: { leadId: LEAD }, open: true, view: 'page' });
});

it('follows navigation away from a picked call', () => {
  const controller = createController({ leadId: LEAD });
  controller.openCall(CALL);
  controller.setTarget({ leadId: OTHER_LEAD });
  expect(controller.get()).toEqual({ target: { leadId: OTHER_LEAD }, open: true, view: 'page' });
  controller.openCall(OTHER_CALL);
  controller.setTarget(undefined);
  expect(controller.get()).toEqual({ target: undefined, open: false, view: 'page' });
});

it('opens Calls to log on a page without a call, stays open across navigation, and the launcher goes back to the page', () => {
  const controller = createController(undefined);
  controller.open();
  expect(controller.get().open).toBe(false); // nothing to edit on this page
  controller.openCallsToLog();
  expect(controller.get()).toEqual({ target: undefined, open: true, view: 'calls-to-log' });
  controller.setTarget({ leadId: LEAD });
  expect(controller.get()).toEqual({ target: { leadId: LEAD }, open: true, view: 'calls-to-log' });
  controller.setTarget(undefined);
  expect(controller.get().open).toBe(true);
  controller.setTarget({ leadId: LEAD });
  controller.open();
  expect(controller.get()).toEqual({ target: { leadId: LEAD }, open: true, view: 'page' });
});
