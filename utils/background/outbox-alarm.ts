import { browser } from 'wxt/browser';

/** The alarm that wakes the worker to retry saves that could not reach Close. */
export const OUTBOX_ALARM = 'outbox-retry';

/**
 * Half a minute is Chrome's shortest alarm. The worker may be stopped meanwhile; the alarm
 * starts it again, and the outbox in storage says what is left to do.
 */
export function scheduleOutboxAlarm() {
  void browser.alarms.create(OUTBOX_ALARM, { delayInMinutes: 0.5 });
}
