import type { CloseClient } from '../close/client';
import type { CallId } from '../close/ids';
import type { ConnectionStore } from '../connection';
import type { CallConfirmation, Reply } from '../messages';

/**
 * `calls.confirm`: which of a page's `acti_…` ids are calls, asked of Close with the stored key
 * (one `id__in` request per batch, utils/close/client.ts). The content script caches the answer
 * for the page and asks again after a failure; nothing is guessed here either: a failure is
 * returned as one, and an id Close did not list is not a call.
 */
export async function confirmCalls(
  connection: ConnectionStore,
  createClient: (apiKey: string) => CloseClient,
  callIds: readonly CallId[],
): Promise<Reply<CallConfirmation>> {
  const stored = await connection.get();
  if (!stored) return { ok: true, value: { connected: false } };
  const result = await createClient(stored.apiKey).confirmCalls(callIds);
  return result.ok ? { ok: true, value: { connected: true, calls: result.value } } : result;
}
