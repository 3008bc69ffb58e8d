import * as z from 'zod/mini';
import { DEFAULT_HOLD_SECONDS, HOLD_SECONDS_MAX, HOLD_SECONDS_MIN } from './background/hold';
import { parsedItem } from './settings';

// "Hold saves that change the outcome for N seconds" (issue 14): written by the settings page,
// read by the background (utils/background/hold.ts reads the same keys without zod). Apart from
// utils/settings.ts because the panel script, which loads that one, never needs these.

export const outcomeHoldSettings = {
  /** Off unless the rep turns it on. */
  on: parsedItem('local:settings.outcomeHold', z.boolean(), false),
  /** Whole seconds, 5–30. */
  seconds: parsedItem(
    'local:settings.outcomeHoldSeconds',
    z.int().check(z.gte(HOLD_SECONDS_MIN), z.lte(HOLD_SECONDS_MAX)),
    DEFAULT_HOLD_SECONDS,
  ),
};
