import { createCloseClient, type CloseClient } from '../close/client';
import type { Outcome } from '../close/schemas';
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
import { senderRole } from '../sender';
import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;
import { loadPanel } from './load-panel';

export interface BackgroundDeps {
  ownId: string;
  ownOrigin: string;
  connection: ConnectionStore;
  openSettings: () => Promise<void>;
  createClient?: (apiKey: string) => CloseClient;
  now?: () => number;
}

const reject = (message: string): Reply<never> => ({ ok: false, error: { kind: 'rejected', message } });
const OUTCOME_CACHE_MS = 5 * 60_000;

/**
 * The background's single entry for messages: who sent it, then what it is, then what it
 * may do. Anything that fails a check is answered with a rejection and causes no request.
 */
export function createMessageHandler(deps: BackgroundDeps) {
  const createClient = deps.createClient ?? ((apiKey: string) => createCloseClient({ apiKey }));
  const now = deps.now ?? Date.now;
  // Outcomes change rarely; caching them makes a warm panel open cost one request.
  let outcomeCache: { apiKey: string; at: number; outcomes: Outcome[] } | undefined;

  async function callOutcomes(apiKey: string, client: CloseClient) {
    if (outcomeCache?.apiKey === apiKey && now() - outcomeCache.at < OUTCOME_CACHE_MS)
      return { ok: true as const, value: outcomeCache.outcomes };
    const result = await client.listCallOutcomes();
    if (result.ok) outcomeCache = { apiKey, at: now(), outcomes: result.value };
    return result;
  }

  async function handleContent(message: ContentMessage): Promise<Reply<unknown>> {
    if (message.type === 'settings.open') {
      await deps.openSettings();
      return { ok: true, value: null };
    }
    const connection = await deps.connection.get();
    if (!connection) {
      return message.type === 'panel.load'
        ? { ok: true, value: { connected: false } }
        : { ok: false, error: { kind: 'auth', message: 'Connect your Close API key first.', nextStep: 'open-settings' } };
    }
    const client = createClient(connection.apiKey);
    if (message.type === 'panel.load') {
      return loadPanel(client, connection.account, message, () => callOutcomes(connection.apiKey, client));
    }
    return client.updateCall(message.callId, message.changes);
  }

  async function handlePage(message: PageMessage): Promise<Reply<unknown>> {
    if (message.type === 'key.status') {
      const connection = await deps.connection.get();
      return { ok: true, value: connection ? { connected: true, account: connection.account } : { connected: false } };
    }
    if (message.type === 'key.clear') {
      await deps.connection.clear();
      outcomeCache = undefined;
      return { ok: true, value: null };
    }
    // The key is stored only after Close accepted it.
    const me = await createClient(message.apiKey).me();
    if (!me.ok) return me;
    const account = accountOf(me.value);
    await deps.connection.set({ apiKey: message.apiKey, account });
    outcomeCache = undefined;
    return { ok: true, value: account };
  }

  return async function handleMessage(raw: unknown, sender: MessageSender): Promise<Reply<unknown>> {
    try {
      const role = senderRole(sender, deps.ownId, deps.ownOrigin);
      if (role === 'content-script') {
        const parsed = ContentMessageSchema.safeParse(raw);
        return parsed.success ? await handleContent(parsed.data) : reject('Malformed message from a Close page.');
      }
      if (role === 'extension-page') {
        const parsed = PageMessageSchema.safeParse(raw);
        return parsed.success ? await handlePage(parsed.data) : reject('Malformed message.');
      }
      return reject('Unknown sender.');
    } catch {
      // Never let an unexpected failure leave a caller waiting, nor leak details (the key).
      return reject('Something went wrong inside the extension.');
    }
  };
}

export type MessageHandler = ReturnType<typeof createMessageHandler>;
export type { BackgroundMessage, ReplyTypes };
