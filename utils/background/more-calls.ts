import { i18n } from '#i18n';
import type { CloseClient } from '../close/client';
import type { LeadId } from '../close/ids';
import type { ConnectionStore } from '../connection';
import type { CallsPage, Reply } from '../messages';

/**
 * `calls.more` (issue 14 point 1): the next page of a lead's calls, from the `_skip` the page
 * before gave, with where the one after starts while Close says `has_more`. The panel opens on
 * the first page only; this is asked when the rep goes past it or Save & next needs more.
 */
export async function moreCalls(
  connection: ConnectionStore,
  createClient: (apiKey: string) => CloseClient,
  leadId: LeadId,
  skip: number,
): Promise<Reply<CallsPage>> {
  const stored = await connection.get();
  if (!stored) return { ok: false, error: { kind: 'auth', message: i18n.t('errors.notConnected'), nextStep: 'open-settings' } };
  const page = await createClient(stored.apiKey).leadCallsFrom(leadId, skip);
  if (!page.ok) return page;
  const { calls, nextSkip } = page.value;
  return { ok: true, value: { calls, ...(nextSkip !== undefined && { more: { leadId, skip: nextSkip } }) } };
}
