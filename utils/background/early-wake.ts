// A save's timer wait that the rep can end early (Retry now, issue 15): the wait resolves at its
// time or when woken, whichever comes first. Nothing is sent by waking: the saver's loop goes on,
// and its next request re-reads the outbox first, so a cancelled save still goes nowhere.

export function createEarlyWake(sleep: (ms: number) => Promise<void>) {
  const sleepers = new Map<string, () => void>();
  return {
    /** Waits `ms` for this save, or until `wake(saveId)`. */
    wait(saveId: string, ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        sleepers.set(saveId, resolve);
        void sleep(ms).then(resolve);
      }).finally(() => sleepers.delete(saveId));
    },
    /** Ends this save's wait now; false when it is not waiting on a timer. */
    wake(saveId: string): boolean {
      const resolve = sleepers.get(saveId);
      resolve?.();
      return !!resolve;
    },
  };
}
