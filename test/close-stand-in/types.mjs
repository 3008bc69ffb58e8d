// @ts-check
// Shapes shared by the stand-in's modules. Only JSDoc lives here so that plain `node` and `tsc --checkJs` agree on
// one definition instead of each file re-describing the state.

/**
 * @typedef {'calls' | 'meetings'} OutcomeAppliesTo
 *
 * @typedef {{
 *   id: string, name: string, description: string | null, type: 'custom' | 'vm-dropped',
 *   applies_to: OutcomeAppliesTo[], organization_id: string, created_by: string | null, updated_by: string | null,
 *   date_created: string, date_updated: string,
 * }} Outcome
 *
 * @typedef {{ id: string, name: string, created_by: string | null, date_created: string, date_updated: string,
 *   [key: string]: unknown }} Organization
 *
 * @typedef {{ id: string, email: string, first_name: string, last_name: string, organization_id: string,
 *   [key: string]: unknown }} User
 *
 * @typedef {{ phone: string, phone_formatted: string, type: string }} ContactPhone
 * @typedef {{ id: string, name: string, title: string, phones: ContactPhone[], emails: { email: string, type: string }[] }} Contact
 *
 * @typedef {{ id: string, name: string, display_name: string, organization_id: string, status_label: string,
 *   html_url: string, contacts: Contact[], date_created: string, date_updated: string }} Lead
 *
 * A call as the stand-in stores it. `recording_deleted` is ours, not Close's: it records that a PUT destroyed the
 * recording, and is stripped from every answer.
 * @typedef {{
 *   _type: 'Call', id: string, organization_id: string, lead_id: string | null, contact_id: string | null,
 *   user_id: string | null, user_name: string | null, created_by: string | null, created_by_name: string | null,
 *   updated_by: string | null, updated_by_name: string | null, users: string[],
 *   direction: 'inbound' | 'outbound', status: string, disposition: string | null, duration: number | null,
 *   phone: string | null, remote_phone: string | null, local_phone: string | null,
 *   note: string | null, note_html: string | null, outcome_id: string | null,
 *   activity_at: string | null, date_created: string, date_updated: string,
 *   source: 'Close.io' | 'External', recording_url: string | null, voicemail_url: string | null,
 *   recording_duration: number | null, voicemail_duration: number | null,
 *   recording_deleted: boolean, [key: string]: unknown,
 * }} Call
 *
 * One entry of Close's event log (events.mjs). `data`/`previous_data` hold only the changed attributes.
 * @typedef {{
 *   id: string, date_created: string, date_updated: string, action: string, object_type: string, object_id: string,
 *   lead_id: string | null, organization_id: string, user_id: string | null, api_key_id: string | null,
 *   oauth_client_id: null, oauth_scope: null, request_id: string | null, changed_fields: string[],
 *   data: Record<string, unknown>, previous_data: Record<string, unknown>,
 *   meta: { request_method?: string, request_path?: string },
 * }} CloseEvent
 *
 * An email in a lead's feed (only what the pages and `/activity/` show of it).
 * @typedef {{ _type: 'Email', id: string, organization_id: string, lead_id: string, subject: string, body_text: string,
 *   direction: 'inbound' | 'outbound', activity_at: string, date_created: string, date_updated: string }} Email
 *
 * `events`, `emails` and `feedLanguage` are optional so that hand-made states of older tests still work.
 * `feedLanguage`: lead id -> the language its page's feed is written in (default English).
 * @typedef {{
 *   me: User, organization: Organization, users: Map<string, User>, organizations: Map<string, Organization>,
 *   apiKeys: Map<string, string>, leads: Map<string, Lead>, calls: Map<string, Call>, outcomes: Map<string, Outcome>,
 *   events?: CloseEvent[], emails?: Map<string, Email>, feedLanguage?: Map<string, 'en' | 'de'>,
 *   inboxLinks?: string[],
 * }} StandInState
 *   `inboxLinks`: activity ids the inbox page links to, in order (calls or emails; default none).
 *
 * What a route answers; index.mjs writes it, logs the status and adds the RateLimit header.
 * @typedef {{ status: number, headers?: Record<string, string>, json?: unknown, text?: string }} Reply
 */

export {};
