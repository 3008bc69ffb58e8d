import type { CallChanges } from '../close/schemas';

// "Hold saves that change the outcome for N seconds" (issue 14): an outcome can start one of
// Close's Workflows, which may send an email at once, and an Undo after the fact cannot unsend it.
// A held save waits in the outbox (its `wait` is a not-before time), so the hold survives a
// closed tab and a stopped worker; Undo during the hold removes it and nothing is sent.

export const HOLD_SECONDS_MIN = 5;
export const HOLD_SECONDS_MAX = 30;
export const DEFAULT_HOLD_SECONDS = 10;

/** The setting as stored (utils/settings.ts: `settings.outcomeHold`, `settings.outcomeHoldSeconds`). */
export interface OutcomeHold {
  on: boolean;
  seconds: number;
}

/** Seconds as the settings page stores them: whole, 5–30; anything else reads as the default. */
export const holdSeconds = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= HOLD_SECONDS_MIN && value <= HOLD_SECONDS_MAX
    ? value
    : DEFAULT_HOLD_SECONDS;

/** How long a save is held: only a save that changes the outcome, only with the setting on. */
export const holdMsFor = (changes: Partial<CallChanges>, hold: OutcomeHold): number =>
  hold.on && 'outcome_id' in changes ? holdSeconds(hold.seconds) * 1000 : 0;

/** The setting, read by the background from storage.local without the panel's zod (a damaged value is off). */
export async function readOutcomeHold(
  get: (keys: string[]) => Promise<Record<string, unknown>>,
): Promise<OutcomeHold> {
  const stored = await get(['settings.outcomeHold', 'settings.outcomeHoldSeconds']).catch(() => ({}) as Record<string, unknown>);
  return { on: stored['settings.outcomeHold'] === true, seconds: holdSeconds(stored['settings.outcomeHoldSeconds']) };
}
