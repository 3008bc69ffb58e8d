import type { Call, ContactName } from './close/schemas';
import type { CallToLog } from './calls-to-log';

// What a save waiting in the outbox is named by in the popup (issue 15): the lead, the contact
// (or the phone number), and when the call was. The panel knows these when the rep saves and
// sends them with the save; the outbox keeps them with it. Names Close gave, nothing of the key
// or the account (the outbox is in storage.local, which content scripts can read: SECURITY.md).
// Saves queued by older versions have none, and are named by their call instead. No zod here:
// the panel builds labels, and its bundle has its budget; the background checks them with
// SaveLabelSchema (utils/save-label-schema.ts).

export interface SaveLabel {
  /** The lead's display name. */
  lead?: string;
  /** The contact's name, else the call's phone number. */
  who?: string;
  /** The call's `activity_at` (else `date_created`), as Close gave it. */
  at?: string;
}

/** The longest each part may be (the background refuses longer ones). */
export const LABEL_MAX = { lead: 200, who: 200, at: 40 } as const;

const cut = (value: string | null | undefined, max: number) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

/** The label of a save of `call`, from what the panel loaded; undefined when it knows nothing to say. */
export function saveLabelOf(
  call: Call,
  names: { leadName?: string | undefined; contacts?: readonly ContactName[] | undefined; queue?: readonly CallToLog[] | undefined },
): SaveLabel | undefined {
  const entry = names.queue?.find((e) => e.call.id === call.id);
  const contact = call.contact_id ? names.contacts?.find((c) => c.id === call.contact_id)?.name : undefined;
  const label: SaveLabel = {};
  const lead = cut(entry?.leadName ?? names.leadName, LABEL_MAX.lead);
  const who = cut(entry?.contactName ?? contact ?? call.remote_phone ?? call.phone, LABEL_MAX.who);
  const at = cut(call.activity_at ?? call.date_created, LABEL_MAX.at);
  if (lead) label.lead = lead;
  if (who) label.who = who;
  if (at) label.at = at;
  return Object.keys(label).length ? label : undefined;
}
