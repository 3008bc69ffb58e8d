import { describe, expect, it } from 'vitest';
import { OUTBOX_ALARM, wakeOutboxAt, type Alarms } from './outbox-alarm';

/** browser.alarms as far as the outbox uses it: one alarm per name, replaced on create. */
function fakeAlarms() {
  const alarms = new Map<string, number>();
  const api: Alarms = {
    get: async (name) => (alarms.has(name) ? { scheduledTime: alarms.get(name)! } : undefined),
    create: (name, { when }) => void alarms.set(name, when),
  };
  return { api, when: () => alarms.get(OUTBOX_ALARM) };
}

describe('the outbox alarm', () => {
  it('is set for the earliest wait: a later one does not push it back, an earlier one brings it forward', async () => {
    const alarms = fakeAlarms();
    const now = Date.now();
    await wakeOutboxAt(alarms.api, now + 90_000);
    expect(alarms.when()).toBe(now + 90_000);
    await wakeOutboxAt(alarms.api, now + 120_000);
    expect(alarms.when()).toBe(now + 90_000);
    await wakeOutboxAt(alarms.api, now + 40_000);
    expect(alarms.when()).toBe(now + 40_000);
  });

  it('an alarm already due (or past) is replaced by the new wait', async () => {
    const alarms = fakeAlarms();
    await alarms.api.create(OUTBOX_ALARM, { when: Date.now() - 1_000 });
    await wakeOutboxAt(alarms.api, Date.now() + 60_000);
    expect(alarms.when()).toBeGreaterThan(Date.now());
  });
});
