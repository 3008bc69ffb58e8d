import { z } from './zod';
import { CallBaseSchema, CallChangesSchema, CallIdSchema, LeadIdSchema } from './close/schemas';
import type { Call, CallBase, CallChanges, ContactName, Outcome } from './close/schemas';
import type { CloseError } from './close/errors';

// The message protocol between the content script, the extension's own pages and the
// background. The background parses every message with these schemas; the other side
// only needs the types.

/** A save's id, made by the panel, so that asking again after a worker restart is safe. */
export const JobIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const OutboxCancel = z.strictObject({ type: z.literal('outbox.cancel'), jobId: JobIdSchema });
const OutboxList = z.strictObject({ type: z.literal('outbox.list') });

/** Ids per `calls.confirm` message (the content script batches by CONFIRM_BATCH, fewer). */
export const CALLS_PER_CONFIRM = 200;

/** Sent by the content script on Close's pages. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('panel.load'),
    leadId: LeadIdSchema.optional(),
    callId: CallIdSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('call.save'),
    jobId: JobIdSchema,
    callId: CallIdSchema,
    changes: CallChangesSchema,
    base: CallBaseSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('save.status'), jobId: JobIdSchema }),
  OutboxCancel,
  z.strictObject({ type: z.literal('settings.open') }),
  // Which of the page's activity ids are calls (issue 14): a page's batch at a time.
  z.strictObject({ type: z.literal('calls.confirm'), callIds: z.array(CallIdSchema).min(1).max(CALLS_PER_CONFIRM) }),
  // How the open-panel command is bound now (issue 14): content scripts cannot read browser.commands.
  z.strictObject({ type: z.literal('shortcut.get') }),
]);

/** Sent by the popup and settings pages only: everything that touches the API key. */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('key.set'), apiKey: z.string().trim().regex(/^[\x21-\x7e]{8,200}$/) }),
  z.strictObject({ type: z.literal('key.status') }),
  z.strictObject({ type: z.literal('key.clear') }),
  OutboxList,
  OutboxCancel,
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type BackgroundMessage = ContentMessage | PageMessage;

/** How a save ended, or that it is waiting for Close to be reachable again. */
export type SaveResult =
  | { state: 'saved'; call: Call }
  | { state: 'queued' }
  | { state: 'conflict'; theirs: CallBase }
  | { state: 'failed'; error: CloseError }
  | { state: 'cancelled' }
  | { state: 'unknown' };

/** A save waiting in the background, as the popup and panel list it. */
export interface QueuedSave {
  jobId: string;
  callId: Call['id'];
  changes: CallChanges;
  createdAt: number;
  offline: boolean;
}

/** Sent by the background to a tab's content script. */
export type TabMessage =
  | { type: 'panel.open'; view?: 'calls-to-log' }
  | { type: 'save.progress'; jobId: string; callId: string; reason: 'rate-limited' | 'server' | 'offline'; seconds: number }
  | { type: 'save.result'; jobId: string; callId: string; result: SaveResult };

/** Who a key belongs to: one user in one organisation (FACTS.md). Saves are tied to it (issue 13). */
export interface Account {
  /** Close's `user_…` id of the key's user. */
  userId: string;
  /** Close's `orga_…` id of the key's organisation. */
  organizationId: string;
  email: string;
  name: string;
  organization: string;
}

export type PanelData =
  | { connected: false }
  | {
      connected: true;
      account: Account;
      calls: Call[];
      selectedCallId: Call['id'] | null;
      outcomes: Outcome[];
      /** The lead's contacts, to name who a call was with; absent when Close did not give them. */
      contacts?: ContactName[];
      /** Saves of these calls still waiting in the background. */
      queued: QueuedSave[];
    };

/** Which of the asked ids Close lists as calls; nothing can be asked before a key is set. */
export type CallConfirmation = { connected: false } | { connected: true; calls: Call['id'][] };

/** Why the background refused a message without doing anything. */
export interface Rejection {
  kind: 'rejected';
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: CloseError | Rejection };

/** What each message type is answered with. */
export interface ReplyTypes {
  'panel.load': PanelData;
  'call.save': SaveResult;
  'save.status': SaveResult;
  'outbox.list': QueuedSave[];
  'outbox.cancel': SaveResult;
  'settings.open': null;
  'calls.confirm': CallConfirmation;
  /** The command's shortcut as the browser reports it; '' when not set (utils/shortcut-label.ts). */
  'shortcut.get': { shortcut: string };
  'key.set': Account;
  'key.status': { connected: false } | { connected: true; account: Account };
  'key.clear': null;
}

export type ReplyFor<M extends BackgroundMessage> = Reply<ReplyTypes[M['type']]>;
