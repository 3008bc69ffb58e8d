import { z } from './zod';
import { CallBaseSchema, CallChangesSchema, CallIdSchema, LeadIdSchema } from './close/schemas';
import type { Call, CallBase, CallChanges, ContactName, Outcome } from './close/schemas';
import type { LeadId } from './close/ids';
import type { CloseError } from './close/errors';
import type { CallField, WhoChanged } from './close/who-changed';
import { SaveLabelSchema } from './save-label-schema';
import type { SaveLabel } from './save-label';

// The message protocol between the content script, the extension's own pages and the
// background. The background parses every message with these schemas; the other side
// only needs the types.

/** A save's id, made by the panel, so that asking again after a worker restart is safe. */
export const SaveIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const OutboxCancel = z.strictObject({ type: z.literal('outbox.cancel'), saveId: SaveIdSchema });
const OutboxList = z.strictObject({ type: z.literal('outbox.list') });
/** The rep sends a save an older version left without an account, with the account connected now. */
const OutboxClaim = z.strictObject({ type: z.literal('outbox.claim'), saveId: SaveIdSchema });

/** Ids per `calls.confirm` message (the content script batches by CONFIRM_BATCH, fewer). */
export const CALLS_PER_CONFIRM = 200;

/** Past this many of a lead's calls the panel asks for no more (Close's paging is by offset; 100 pages). */
export const MAX_CALL_SKIP = 10_000;

/** Sent by the content script on Close's pages. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('panel.load'),
    leadId: LeadIdSchema.optional(),
    callId: CallIdSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('call.save'),
    saveId: SaveIdSchema,
    callId: CallIdSchema,
    changes: CallChangesSchema,
    base: CallBaseSchema.nullable(),
    /** What the popup names the save by while it waits (issue 15): lead, contact or phone, date. */
    label: SaveLabelSchema.optional(),
  }),
  z.strictObject({ type: z.literal('save.status'), saveId: SaveIdSchema }),
  // Retry now (issue 15): a save waiting for Close (429, 5xx) is tried at once.
  z.strictObject({ type: z.literal('save.retryNow'), saveId: SaveIdSchema }),
  // A note save waiting for its call to end (issue 14): the rep's answer after 2 minutes.
  z.strictObject({ type: z.literal('save.callEnd'), saveId: SaveIdSchema, choice: z.enum(['anyway', 'wait']) }),
  OutboxCancel,
  z.strictObject({ type: z.literal('settings.open') }),
  // Which of the page's activity ids are calls (issue 14): a page's batch at a time.
  z.strictObject({ type: z.literal('calls.confirm'), callIds: z.array(CallIdSchema).min(1).max(CALLS_PER_CONFIRM) }),
  // How the open-panel command is bound now (issue 14): content scripts cannot read browser.commands.
  z.strictObject({ type: z.literal('shortcut.get') }),
  // The next page of a lead's calls (issue 14 point 1), from the `skip` the previous page gave.
  z.strictObject({ type: z.literal('calls.more'), leadId: LeadIdSchema, skip: z.number().int().min(1).max(MAX_CALL_SKIP) }),
]);

/** Sent by the popup and settings pages only: everything that touches the API key. */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('key.set'), apiKey: z.string().trim().regex(/^[\x21-\x7e]{8,200}$/) }),
  z.strictObject({ type: z.literal('key.status') }),
  z.strictObject({ type: z.literal('key.clear') }),
  OutboxList,
  OutboxCancel,
  OutboxClaim,
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type BackgroundMessage = ContentMessage | PageMessage;

/**
 * Why a save in the outbox is not being sent right now: Close asked us to wait, Close has
 * trouble, the network is down, the account that made it is not connected, it was made by
 * an older version that did not record its account (the rep decides, in the popup), or it
 * changes the outcome and the rep's setting holds it for a few seconds (`hold`, Undo sends nothing).
 */
export type WaitReason = 'rate-limited' | 'server' | 'offline' | 'account' | 'unclaimed' | 'hold' | CallEndReason;
/**
 * A note save of a call Close still reads as going on (issue 14): `call-live` while Close is asked
 * again (polled with backoff), `call-ask` once 2 minutes passed: the rep chooses (call-end-wait.ts).
 */
export type CallEndReason = 'call-live' | 'call-ask';

/** A save still in the outbox: on its way to Close, or waiting (until when, if known). */
export type SaveProgress = { state: 'sending' } | { state: 'waiting'; reason: WaitReason; until?: number };

/** Where a save stands. `accepted`: it is in the outbox (safe); the rest follows as pushes or on asking. */
export type SaveResult =
  | { state: 'accepted' }
  | SaveProgress
  | { state: 'saved'; call: Call }
  /** `who`: who changed the rep's fields, from Close's event log; `fields`: which of them changed (issue 14). */
  | { state: 'conflict'; theirs: CallBase; who?: WhoChanged; fields?: CallField[] }
  | { state: 'failed'; error: CloseError }
  | { state: 'cancelled' }
  | { state: 'unknown' };

/** The account a save belongs to: sent only with that account's key. */
export type SaveOwner = Pick<Account, 'userId' | 'organizationId' | 'email'>;

/** A save in the background's outbox, as the popup and panel list it. */
export interface PendingSave {
  saveId: string;
  callId: Call['id'];
  changes: CallChanges;
  createdAt: number;
  progress: SaveProgress;
  /** null: made by an older version that did not record its account. */
  owner: SaveOwner | null;
  /** The lead, contact or phone, and date it is named by; absent in saves of older versions. */
  label?: SaveLabel;
}

/** Sent by the background to a tab's content script: how one of its saves stands now. */
export type TabMessage =
  | { type: 'panel.open'; view?: 'calls-to-log' }
  | { type: 'save.result'; saveId: string; callId: string; result: SaveResult }
  /** A key was connected or disconnected (popup, settings): that is all, never the key nor the account. */
  | { type: 'connection.changed'; connected: boolean };

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
      /** The lead's name, when Close gave it (a waiting save is named by it; issue 15). */
      leadName?: string;
      /** Saves of these calls still in the background's outbox. */
      pending: PendingSave[];
      /** The lead has more calls than `calls` holds (Close said `has_more`): where the next page starts. */
      moreCalls?: MoreCalls;
    };

/** Where a lead's next page of calls starts (`calls.more`). */
export interface MoreCalls {
  leadId: LeadId;
  skip: number;
}

/** A further page of a lead's calls, newest first, and where the one after starts while there is one. */
export interface CallsPage {
  calls: Call[];
  more?: MoreCalls;
}

/** Which of the asked ids Close lists as calls; nothing can be asked before a key is set. */
export type CallConfirmation = { connected: false } | { connected: true; calls: Call['id'][] };

/** Why the background refused a message without doing anything, or (`noAnswer`) that none came. */
export interface Rejection {
  kind: 'rejected';
  message: string;
  /** The worker did not answer (it restarted, or the extension was reloaded): asking again may help. */
  noAnswer?: true;
  /** What had to be stored first (the outbox, the draft) could not be: nothing was sent. */
  notStored?: true;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: CloseError | Rejection };

/** What each message type is answered with. */
export interface ReplyTypes {
  'panel.load': PanelData;
  'call.save': SaveResult;
  'save.status': SaveResult;
  'save.retryNow': SaveResult;
  'save.callEnd': SaveResult;
  'outbox.list': PendingSave[];
  'outbox.cancel': SaveResult;
  'outbox.claim': SaveResult;
  'settings.open': null;
  'calls.confirm': CallConfirmation;
  'calls.more': CallsPage;
  /** The command's shortcut as the browser reports it; '' when not set (utils/shortcut-label.ts). */
  'shortcut.get': { shortcut: string };
  'key.set': Account;
  'key.status': { connected: false } | { connected: true; account: Account };
  'key.clear': null;
}

export type ReplyFor<M extends BackgroundMessage> = Reply<ReplyTypes[M['type']]>;
