import { z } from './zod';
import { CallChangesSchema, CallIdSchema, LeadIdSchema } from './close/schemas';
import type { Call, Outcome } from './close/schemas';
import type { CloseError } from './close/errors';

// The message protocol between the content script, the extension's own pages and the
// background. The background parses every message with these schemas; the other side
// only needs the types.

/** Sent by the content script on Close's pages. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('panel.load'),
    leadId: LeadIdSchema.optional(),
    callId: CallIdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('call.update'), callId: CallIdSchema, changes: CallChangesSchema }),
  z.strictObject({ type: z.literal('settings.open') }),
]);

/** Sent by the popup and settings pages only: everything that touches the API key. */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('key.set'), apiKey: z.string().trim().regex(/^[\x21-\x7e]{8,200}$/) }),
  z.strictObject({ type: z.literal('key.status') }),
  z.strictObject({ type: z.literal('key.clear') }),
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type BackgroundMessage = ContentMessage | PageMessage;

/** Sent by the background to a tab's content script. */
export type TabMessage = { type: 'panel.open' };

export interface Account {
  email: string;
  name: string;
  organization: string;
}

export type PanelData =
  | { connected: false }
  | { connected: true; account: Account; calls: Call[]; selectedCallId: Call['id'] | null; outcomes: Outcome[] };

/** Why the background refused a message without doing anything. */
export interface Rejection {
  kind: 'rejected';
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: CloseError | Rejection };

/** What each message type is answered with. */
export interface ReplyTypes {
  'panel.load': PanelData;
  'call.update': Call;
  'settings.open': null;
  'key.set': Account;
  'key.status': { connected: false } | { connected: true; account: Account };
  'key.clear': null;
}

export type ReplyFor<M extends BackgroundMessage> = Reply<ReplyTypes[M['type']]>;
