import { z } from './zod';
import type { CallsToLogState } from './calls-to-log';
import type { Reply } from './messages';

// The Calls to log messages (issue 17), apart from messages.ts so that the background routes them
// to their own handler (utils/background/calls-to-log-handler.ts). Parsed there like every other.

/** From the content script of a Close tab. */
export const CallsToLogContentSchema = z.discriminatedUnion('type', [
  // "A Close tab is open": refreshed if a minute old. Sent on load and every minute while visible.
  z.strictObject({ type: z.literal('calls.tick') }),
  // The panel: the queue as known (its count on a lead page), or with `fresh` asked of Close now (the queue opens).
  z.strictObject({ type: z.literal('calls.list'), fresh: z.boolean().optional() }),
]);

/** From the popup. */
export const CallsToLogPageSchema = z.discriminatedUnion('type', [
  // The popup opened: refreshed now, and its count.
  z.strictObject({ type: z.literal('calls.count') }),
  // "Log calls": focus (or open) a Close tab and open the panel in the queue.
  z.strictObject({ type: z.literal('calls.open') }),
]);

export type CallsToLogMessage = z.infer<typeof CallsToLogContentSchema> | z.infer<typeof CallsToLogPageSchema>;

export const CALLS_TO_LOG_TYPES: ReadonlySet<string> = new Set(['calls.tick', 'calls.list', 'calls.count', 'calls.open']);

export interface CallsToLogReplies {
  'calls.tick': null;
  'calls.list': CallsToLogState;
  'calls.count': CallsToLogState;
  'calls.open': null;
}
export type CallsToLogReplyFor<M extends CallsToLogMessage> = Reply<CallsToLogReplies[M['type']]>;
