import { i18n } from '#i18n';
import type { Browser } from 'wxt/browser';
import { createCloseClient, type CloseClient, type CloseClientOptions } from '../close/client';
import type { LeadNames, Outcome } from '../close/schemas';
import type { LeadId } from '../close/ids';
import { accountOf, type ConnectionStore } from '../connection';
import {
  ContentMessageSchema,
  PageMessageSchema,
  type BackgroundMessage,
  type ContentMessage,
  type PageMessage,
  type Reply,
  type ReplyTypes,
} from '../messages';
import { redactDeep, redactError, secretForms } from '../redact';
import { senderRole } from '../sender';
import { confirmCalls } from './confirm-calls';
import { loadPanel } from './load-panel';
import { moreCalls } from './more-calls';
import { currentShortcut } from './shortcut';
import type { Saver } from './saver';

type MessageSender = Browser.runtime.MessageSender;

export interface BackgroundDeps {
  ownId: string;
  ownOrigin: string;
  connection: ConnectionStore;
  openSettings: () => Promise<void>;
  createClient?: (apiKey: string, options?: Partial<CloseClientOptions>) => CloseClient;
  /** The one saver (utils/background/create-background.ts builds it with this handler). */
  saver: Saver;
  now?: () => number;
}

const reject = (message: string): Reply<never> => ({ ok: false, error: { kind: 'rejected', message } });

/** The stored key, and a key being set: a bad one may come back in Close's error text. */
async function secretsOf(connection: ConnectionStore, raw: unknown): Promise<string[]> {
  const stored = await connection.get().catch(() => undefined);
  let offered: unknown;
  try {
    offered = (raw as { apiKey?: unknown } | null)?.apiKey;
  } catch {
    offered = undefined; // a getter that throws: nothing was offered
  }
  const candidates = typeof offered === 'string' ? [offered, offered.trim()] : [];
  return [...secretForms(stored?.apiKey), ...candidates.flatMap(secretForms)];
}
const OUTCOME_CACHE_MS = 5 * 60_000;

/**
 * The background's single entry for messages: who sent it, then what it is, then what it
 * may do. Anything that fails a check is answered with a rejection and causes no request.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  const createClient =
    deps.createClient ??
    ((apiKey: string, options?: Partial<CloseClientOptions>) => createCloseClient({ apiKey, ...options }));
  const now = deps.now ?? Date.now;
  const { saver } = deps;
  // Outcomes change rarely; caching them makes a warm panel open cost one request.
  let outcomeCache: { apiKey: string; at: number; outcomes: Outcome[] } | undefined;

  // Contact names, per lead, for the same reason: reopening a lead's panel (or the next call on
  // it) costs its calls request only. Bounded, and per key like the outcomes.
  const contactCache = new Map<string, { at: number; contacts: LeadNames }>();
  const CONTACT_CACHE_SIZE = 50;

  function withCachedContacts(apiKey: string, client: CloseClient): CloseClient {
    return {
      ...client,
      async leadContacts(leadId: LeadId) {
        const key = `${apiKey}\n${leadId}`;
        const hit = contactCache.get(key);
        if (hit && now() - hit.at < OUTCOME_CACHE_MS) return { ok: true as const, value: hit.contacts };
        const result = await client.leadContacts(leadId);
        if (result.ok) {
          contactCache.delete(key);
          contactCache.set(key, { at: now(), contacts: result.value });
          if (contactCache.size > CONTACT_CACHE_SIZE) contactCache.delete(contactCache.keys().next().value!);
        }
        return result;
      },
    };
  }

  /** Everything learnt with a key goes with it (Disconnect, or another key). */
  function forgetCaches() {
    outcomeCache = undefined;
    contactCache.clear();
  }

  async function callOutcomes(apiKey: string, client: CloseClient) {
    if (outcomeCache?.apiKey === apiKey && now() - outcomeCache.at < OUTCOME_CACHE_MS)
      return { ok: true as const, value: outcomeCache.outcomes };
    const result = await client.listCallOutcomes();
    if (result.ok) outcomeCache = { apiKey, at: now(), outcomes: result.value };
    return result;
  }

  async function handleContent(message: ContentMessage, tabId: number | undefined): Promise<Reply<unknown>> {
    switch (message.type) {
      case 'settings.open':
        await deps.openSettings();
        return { ok: true, value: null };
      case 'save.status':
        return { ok: true, value: await saver.status(message.saveId) };
      case 'save.retryNow':
        return { ok: true, value: await saver.retryNow(message.saveId) };
      case 'save.callEnd':
        return { ok: true, value: await saver.callEnd(message.saveId, message.choice) };
      case 'calls.confirm':
        return confirmCalls(deps.connection, createClient, message.callIds);
      case 'calls.more':
        return moreCalls(deps.connection, createClient, message.leadId, message.skip);
      case 'shortcut.get':
        return { ok: true, value: await currentShortcut() };
      case 'outbox.cancel':
        return { ok: true, value: await saver.cancel(message.saveId) };
      case 'call.save': {
        const { saveId, callId, changes, base, label } = message;
        try {
          return { ok: true, value: await saver.save({ id: saveId, callId, changes, base, ...(label && { label }), ...(tabId !== undefined && { tabId }) }) };
        } catch {
          // The outbox could not be written (storage full, or gone): nothing was sent; the rep is told.
          return { ok: false, error: { kind: 'rejected', message: i18n.t('errors.notStored'), notStored: true } };
        }
      }
      case 'panel.load': {
        const connection = await deps.connection.get();
        if (!connection) return { ok: true, value: { connected: false } };
        const client = withCachedContacts(connection.apiKey, createClient(connection.apiKey));
        const loaded = await loadPanel(client, connection.account, message, () =>
          callOutcomes(connection.apiKey, client),
        );
        if (!loaded.ok || !loaded.value.connected) return loaded;
        const ids = new Set(loaded.value.calls.map((call) => call.id));
        const pending = (await saver.list()).filter((save) => ids.has(save.callId));
        // Close answered just now: a good moment for saves that were waiting for it.
        if (pending.some((save) => save.progress.state === 'waiting' && save.progress.reason === 'offline'))
          void saver.resume();
        return { ok: true, value: { ...loaded.value, pending } };
      }
    }
  }

  async function handlePage(message: PageMessage): Promise<Reply<unknown>> {
    switch (message.type) {
      case 'key.status': {
        const connection = await deps.connection.get();
        return { ok: true, value: connection ? { connected: true, account: connection.account } : { connected: false } };
      }
      case 'key.clear':
        await deps.connection.clear();
        forgetCaches();
        return { ok: true, value: null };
      case 'outbox.list':
        return { ok: true, value: await saver.list() };
      case 'outbox.cancel':
        return { ok: true, value: await saver.cancel(message.saveId) };
      case 'outbox.claim':
        return { ok: true, value: await saver.claim(message.saveId) };
      case 'key.set': {
        // The key is stored only after Close accepted it.
        const me = await createClient(message.apiKey).me();
        if (!me.ok) return me;
        const account = accountOf(me.value);
        await deps.connection.set({ apiKey: message.apiKey, account });
        forgetCaches();
        void saver.resume(); // saves that waited for this account's key can go now
        return { ok: true, value: account };
      }
    }
  }

  const route = async (raw: unknown, sender: MessageSender): Promise<Reply<unknown>> => {
    try {
      const role = senderRole(sender, deps.ownId, deps.ownOrigin);
      if (role === 'content-script') {
        const parsed = ContentMessageSchema.safeParse(raw);
        return parsed.success
          ? await handleContent(parsed.data, sender.tab?.id)
          : reject(i18n.t('errors.refused'));
      }
      if (role === 'extension-page') {
        const parsed = PageMessageSchema.safeParse(raw);
        return parsed.success ? await handlePage(parsed.data) : reject(i18n.t('errors.refused'));
      }
      return reject('Unknown sender.');
    } catch (error) {
      // Never let an unexpected failure leave a caller waiting, nor leak details (the key).
      console.warn('Quick Edit for Close: a message failed.', redactError(error, await secretsOf(deps.connection, raw)));
      return reject(i18n.t('errors.internal'));
    }
  };
  // --- Key hygiene (issue 5, SECURITY.md): whatever Close sent back, no reply carries the key.
  const handleMessage = async (raw: unknown, sender: MessageSender): Promise<Reply<unknown>> => {
    const reply = await route(raw, sender);
    if (!reply.ok && reply.error.kind === 'rejected') return reply; // our own fixed words
    return redactDeep(reply, await secretsOf(deps.connection, raw));
  };
  // --- end key hygiene
  return Object.assign(handleMessage, { saver });
}

export type MessageHandler = ReturnType<typeof createMessageHandler>;
export type { BackgroundMessage, ReplyTypes };
