/** The alarm that wakes the worker to try saves that are waiting (offline, rate limit, backoff). */
export const OUTBOX_ALARM = 'outbox-retry';

/** The part of browser.alarms the outbox needs. */
export interface Alarms {
  get(name: string): Promise<{ scheduledTime: number } | undefined>;
  create(name: string, info: { when: number }): Promise<void> | void;
}

/**
 * One alarm for the whole outbox, at its earliest wait. The worker may be stopped meanwhile;
 * the alarm starts it again, and the outbox in storage says what is left to do. Chrome fires
 * alarms no sooner than 30 s ahead; a wait that short is a timer in the saver instead.
 */
export async function wakeOutboxAt(alarms: Alarms, when: number) {
  const existing = await alarms.get(OUTBOX_ALARM).catch(() => undefined);
  if (existing && existing.scheduledTime <= when && existing.scheduledTime > Date.now()) return;
  await alarms.create(OUTBOX_ALARM, { when });
}
