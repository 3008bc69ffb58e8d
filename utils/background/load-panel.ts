import type { CallPage, CloseClient, Result } from '../close/client';
import type { Call, LeadNames, Outcome } from '../close/schemas';
import { isLeadId, type CallId, type LeadId } from '../close/ids';
import type { Account, MoreCalls, PanelData, Reply } from '../messages';

/**
 * Everything the panel needs in one answer. Which call: the one named in the URL first, then
 * the lead's most recent (UI-CONTRACT.md). The named call's own lead is used when the URL
 * names none.
 */
export async function loadPanel(
  client: CloseClient,
  account: Account,
  target: { leadId?: LeadId; callId?: CallId },
  outcomes: () => Promise<Result<Outcome[]>>,
): Promise<Reply<PanelData>> {
  // Contacts only name the other party in the Call picker: if they cannot be had, the picker
  // shows phone numbers, and the panel still opens.
  const contactsOf = (leadId: LeadId): Promise<LeadNames | undefined> =>
    client.leadContacts(leadId).then(
      (result) => (result.ok ? result.value : undefined),
      () => undefined,
    );
  const [outcomeResult, namedCall, leadCalls, leadContacts] = await Promise.all([
    outcomes(),
    target.callId ? client.getCall(target.callId) : undefined,
    target.leadId ? client.leadCallPages(target.leadId) : undefined,
    target.leadId ? contactsOf(target.leadId) : undefined,
  ]);
  let contacts = leadContacts;
  if (!outcomeResult.ok) return outcomeResult;
  // A URL's acti_ id may be an email or a note, not a call: Close answers 404, and we fall back.
  if (namedCall && !namedCall.ok && namedCall.error.kind !== 'not-found') return namedCall;
  const named = namedCall?.ok ? namedCall.value : undefined;

  // The first page only (issue 14): the panel asks for the next one (`calls.more`) when needed.
  let calls: Call[] = [];
  let moreCalls: MoreCalls | undefined;
  const firstPage = (leadId: LeadId, page: CallPage) => {
    calls = page.calls;
    if (page.nextSkip !== undefined) moreCalls = { leadId, skip: page.nextSkip };
  };
  if (leadCalls && target.leadId) {
    if (!leadCalls.ok) return leadCalls;
    firstPage(target.leadId, leadCalls.value);
  } else if (named && isLeadId(named.lead_id)) {
    const [result, namedLeadContacts] = await Promise.all([client.leadCallPages(named.lead_id), contactsOf(named.lead_id)]);
    if (!result.ok) return result;
    firstPage(named.lead_id, result.value);
    contacts = namedLeadContacts;
  }
  if (named && !calls.some((call) => call.id === named.id)) calls = [named, ...calls];

  return {
    ok: true,
    value: {
      connected: true,
      account,
      calls,
      selectedCallId: named?.id ?? calls[0]?.id ?? null,
      outcomes: outcomeResult.value,
      ...(contacts && { contacts: contacts.contacts }),
      ...(contacts?.name && { leadName: contacts.name }),
      pending: [],
      ...(moreCalls && { moreCalls }),
    },
  };
}
