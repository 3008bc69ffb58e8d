import { z } from '../zod';
import { isCallId, isLeadId, isOutcomeId, type CallId, type LeadId, type OutcomeId } from './ids';

// What we read from Close's responses. Objects are stripped to these keys on parse, so a
// fetched call can never carry `recording_url` & co. back into a PUT by accident.

export const CallIdSchema = z.custom<CallId>(isCallId, 'Not a Close call id');
export const LeadIdSchema = z.custom<LeadId>(isLeadId, 'Not a Close lead id');
export const OutcomeIdSchema = z.custom<OutcomeId>(isOutcomeId, 'Not a Close outcome id');

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Me = z.infer<typeof MeSchema>;

export const OutcomeSchema = z.object({
  id: OutcomeIdSchema,
  name: z.string(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  applies_to: z.array(z.string()).nullish(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const CallSchema = z.object({
  id: CallIdSchema,
  lead_id: z.string().nullish(),
  contact_id: z.string().nullish(),
  direction: z.string().nullish(),
  status: z.string().nullish(),
  disposition: z.string().nullish(),
  duration: z.number().nullish(),
  phone: z.string().nullish(),
  remote_phone: z.string().nullish(),
  note: z.string().nullish(),
  note_html: z.string().nullish(),
  outcome_id: z.string().nullish(),
  activity_at: z.string().nullish(),
  date_created: z.string(),
  date_updated: z.string(),
  user_name: z.string().nullish(),
  source: z.string().nullish(),
  /** The call's own user: the dialer's autosave writes as them (who-changed.ts). */
  user_id: z.string().nullish(),
  /** Who changed the call last, and their name: what names a colleague in the conflict alert (issue 14). */
  updated_by: z.string().nullish(),
  updated_by_name: z.string().nullish(),
});
export type Call = z.infer<typeof CallSchema>;

/** A lead's contact, as the Call picker names the other party of a call. */
export const ContactSchema = z.object({ id: z.string(), name: z.string().nullish() });
export type Contact = z.infer<typeof ContactSchema>;
/** What the panel gets of a contact: enough to name it. */
export interface ContactName {
  id: string;
  name: string;
}
/** A lead's name and its contacts' names: what the panel names a call, and a waiting save, by. */
export interface LeadNames {
  /** Close's `display_name`; absent when Close gave none. */
  name?: string;
  contacts: ContactName[];
}
/** `GET /lead/{id}/?_fields=display_name,contacts`: what the Calls to log queue names a call's lead and contact by. */
export const LeadSummarySchema = z.object({ display_name: z.string().nullish(), contacts: z.array(ContactSchema).nullish() });
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

/** `GET /activity/call/?id__in=…&_fields=id`: only the ids of those that are calls. */
export const CallIdOnlySchema = z.object({ id: CallIdSchema });

/**
 * One entry of Close's event log (`GET /event/`, FACTS.md "Who changed what"). `data` and
 * `previous_data` hold only the changed attributes; we keep their keys, never send them on.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// z.custom, not z.record: the background's bundle already has it (BENCHMARKS.md budget).
const RecordSchema = z.custom<Record<string, unknown>>(isRecord);

export const EventSchema = z.object({
  id: z.string(),
  date_created: z.string(),
  action: z.string(),
  object_type: z.string().nullish(),
  object_id: z.string().nullish(),
  changed_fields: z.array(z.string()).nullish(),
  data: RecordSchema.nullish(),
  previous_data: RecordSchema.nullish(),
  user_id: z.string().nullish(),
  api_key_id: z.string().nullish(),
  request_id: z.string().nullish(),
  meta: z.object({ request_method: z.string().nullish(), request_path: z.string().nullish() }).nullish(),
});
export type CloseEvent = z.infer<typeof EventSchema>;
export const EventPageSchema = z.object({ data: z.array(EventSchema), cursor_next: z.string().nullish() });

/** The fields we ask for with `_fields`, so responses stay small and hold nothing we do not use. */
export const CALL_FIELDS = Object.keys(CallSchema.shape).join(',');
export const OUTCOME_FIELDS = Object.keys(OutcomeSchema.shape).join(',');
export const ME_FIELDS = Object.keys(MeSchema.shape).join(',');

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), has_more: z.boolean() });

/**
 * A change to a call as the rep made it: only what changed, at most one of note/note_html
 * (they overwrite each other at Close), never any other field.
 */
export const CallChangesSchema = z
  .strictObject({
    outcome_id: OutcomeIdSchema.nullable().optional(),
    note: z.string().max(100_000).optional(),
    note_html: z.string().max(400_000).optional(),
  })
  .refine((changes) => !(changes.note !== undefined && changes.note_html !== undefined), {
    message: 'Send either note or note_html, not both',
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Nothing to change' });
export type CallChanges = z.infer<typeof CallChangesSchema>;

/** The parts of a call a save may overwrite, as the rep saw them: what conflicts are judged on. */
export const CallBaseSchema = z.object({
  date_updated: z.string(),
  note: z.string().nullish(),
  note_html: z.string().nullish(),
  outcome_id: z.string().nullish(),
});
export type CallBase = z.infer<typeof CallBaseSchema>;
