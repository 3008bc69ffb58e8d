import { describe, expect, it } from 'vitest';
import { createEarlyWake } from './early-wake';

describe('early wake', () => {
  it('a wait ends at its time, or when woken; waking a save that is not waiting says so', async () => {
    const ends: (() => void)[] = [];
    const timers = createEarlyWake((_ms) => new Promise<void>((resolve) => ends.push(resolve)));
    let done = false;
    const wait = timers.wait('a', 30_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(timers.wake('b')).toBe(false);
    expect(timers.wake('a')).toBe(true);
    await wait;
    expect(done).toBe(true);
    expect(timers.wake('a')).toBe(false); // over: nothing left to wake

    const onTime = timers.wait('c', 10);
    ends.at(-1)!();
    await onTime;
    expect(timers.wake('c')).toBe(false);
  });
});
