import { CALL_ID_IN_TEXT, LEAD_ID_IN_TEXT, type CallId, type LeadId } from './close/ids';

// "Which call is this page about": pure functions of a URL, so they can be tested with the
// example URLs written beside them.

/**
 * The lead a Close page is about, from its path.
 * @example https://app.close.com/lead/lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy/ -> lead_Ln2B…
 * @example https://app.close.com/lead/lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy/activity/ -> lead_Ln2B…
 * @example https://app.close.com/leads/save_abc/ -> undefined (a smart view lists many leads)
 */
export function getLeadId(url: URL): LeadId | undefined {
  const match = /^\/lead\/([^/]+)(?:\/|$)/.exec(url.pathname);
  const candidate = match?.[1];
  return candidate && LEAD_ID_IN_TEXT.exec(candidate)?.[0] === candidate ? (candidate as LeadId) : undefined;
}

/**
 * A call named anywhere in the URL: path, query or hash (Close's link formats are not documented).
 * @example https://app.close.com/lead/lead_…/#activityId=acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk -> acti_K2Nm…
 * @example https://app.close.com/call/acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk/voicemail/ -> acti_K2Nm…
 * @example https://app.close.com/inbox/ -> undefined
 */
export function getCallId(url: URL): CallId | undefined {
  const text = `${url.pathname}${url.search}${url.hash}`;
  return CALL_ID_IN_TEXT.exec(text)?.[0] as CallId | undefined;
}

/**
 * The call of Close's call route: its path says the id is a call's (an id elsewhere in a URL
 * may be an email's).
 * @example https://app.close.com/call/acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk/voicemail/ -> acti_K2Nm…
 * @example https://app.close.com/inbox/#activityId=acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk -> undefined
 */
export function getCallRouteId(url: URL): CallId | undefined {
  const candidate = /^\/call\/([^/]+)(?:\/|$)/.exec(url.pathname)?.[1];
  return candidate && CALL_ID_IN_TEXT.exec(candidate)?.[0] === candidate ? (candidate as CallId) : undefined;
}

export interface PageTarget {
  leadId?: LeadId;
  callId?: CallId;
}

/**
 * What the page gives us to find a call with, or undefined where the launcher must not show.
 * @example https://app.close.com/lead/lead_…/ -> { leadId }
 * @example https://app.close.com/inbox/ -> undefined
 */
export function getPageTarget(url: URL): PageTarget | undefined {
  if (url.origin !== 'https://app.close.com') return undefined;
  const leadId = getLeadId(url);
  const callId = getCallId(url);
  if (!leadId && !callId) return undefined;
  return { ...(leadId && { leadId }), ...(callId && { callId }) };
}

/** Two targets name the same thing (navigation within one lead keeps the panel as it is). */
export const sameTarget = (a: PageTarget | undefined, b: PageTarget | undefined): boolean =>
  a?.leadId === b?.leadId && a?.callId === b?.callId;
