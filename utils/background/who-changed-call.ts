import type { CloseClient } from '../close/client';
import type { Call, CloseEvent } from '../close/schemas';
import { apiKeyIdOf, whoChanged, type CallField, type WhoChanged } from '../close/who-changed';

// Who changed a conflicting call, asked of Close's event log (FACTS.md "Who changed what") only
// when a save meets a real conflict. Any trouble with the log (403, 429, empty, older than its
// 30 days) is `known: false`: the alert then says "changed in Close" without a name, and the
// conflict itself is never held up by it.

/** Pages read at most (50 events each): a call changed more often than that since the rep opened it is rare. */
const MAX_PAGES = 4;

const older = (event: CloseEvent, since: string) => Date.parse(event.date_created) < Date.parse(since);

export async function whoChangedCall(
  client: CloseClient,
  current: Call,
  since: string,
  fields: CallField[],
  apiKey: string,
): Promise<WhoChanged> {
  const events: CloseEvent[] = [];
  try {
    let page = await client.listEvents(current.id);
    for (let read = 1; ; read++) {
      if (!page.ok) return { known: false };
      events.push(...page.value.events);
      const next = page.value.next;
      // Newest first: once a page reaches back past the rep's version, older pages cannot matter.
      if (!next || read >= MAX_PAGES || page.value.events.some((e) => older(e, since))) break;
      page = await next();
    }
  } catch {
    return { known: false };
  }
  // The call names only its last changer; other people stay "a colleague" (no user lookup: one request less).
  const names = new Map<string, string>();
  if (current.updated_by && current.updated_by_name) names.set(current.updated_by, current.updated_by_name);
  return whoChanged({
    events,
    since,
    fields,
    ours: { apiKeyIds: [apiKeyIdOf(apiKey)] },
    callUserId: current.user_id ?? null,
    names,
  });
}
