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
 * @typedef {{
 *   me: User, organization: Organization, users: Map<string, User>, organizations: Map<string, Organization>,
 *   apiKeys: Map<string, string>, leads: Map<string, Lead>, calls: Map<string, Call>, outcomes: Map<string, Outcome>,
 * }} StandInState
 *
 * What a route answers; index.mjs writes it, logs the status and adds the RateLimit header.
 * @typedef {{ status: number, headers?: Record<string, string>, json?: unknown, text?: string }} Reply
 */

export {};
