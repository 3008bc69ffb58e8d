// Close's ids are a prefix plus a base62 body (43 characters for most objects, 22 for
// outcomes). We accept a range of lengths but nothing outside [A-Za-z0-9], so an id can be
// placed in a URL path without any chance of traversal ("/", "..", "%2F") or look-alikes.
// No zod here: the content script imports these and must stay small.
const ID_BODY = '[A-Za-z0-9]{16,64}';

export const CALL_ID = new RegExp(`^acti_${ID_BODY}$`);
export const LEAD_ID = new RegExp(`^lead_${ID_BODY}$`);
export const OUTCOME_ID = new RegExp(`^outcome_${ID_BODY}$`);

/**
 * The same patterns, for finding ids inside URLs and links; a non-id character must come before
 * and after them. In a URL, non-ASCII look-alikes arrive percent-encoded (`%D0%B0` for a Cyrillic
 * 'а'): an escaped ASCII separator (`%2F`) may border an id, an escaped non-ASCII byte may not.
 */
const ID_START = '(?<=^|[^A-Za-z0-9]|%[0-7][0-9A-Fa-f])';
const ID_END = '(?![A-Za-z0-9]|%[89A-Fa-f])';
export const CALL_ID_IN_TEXT = new RegExp(`${ID_START}acti_${ID_BODY}${ID_END}`);
export const LEAD_ID_IN_TEXT = new RegExp(`${ID_START}lead_${ID_BODY}${ID_END}`);

export type CallId = `acti_${string}`;
export type LeadId = `lead_${string}`;
export type OutcomeId = `outcome_${string}`;

export const isCallId = (value: unknown): value is CallId => typeof value === 'string' && CALL_ID.test(value);
export const isLeadId = (value: unknown): value is LeadId => typeof value === 'string' && LEAD_ID.test(value);
export const isOutcomeId = (value: unknown): value is OutcomeId =>
  typeof value === 'string' && OUTCOME_ID.test(value);
