import type { z } from '../zod';
import { badResponseError, errorFromResponse, offlineError, type CloseError } from './errors';
import { isCallId, isLeadId, type CallId, type LeadId } from './ids';
import { rateLimitWaitSeconds } from './rate-limit';
import {
  CALL_FIELDS,
  CallIdOnlySchema,
  CallSchema,
  EventPageSchema,
  LeadSummarySchema,
  ME_FIELDS,
  MeSchema,
  OUTCOME_FIELDS,
  OutcomeSchema,
  listOf,
  type Call,
  type CallChanges,
  type CloseEvent,
  type LeadNames,
  type LeadSummary,
  type Me,
  type Outcome,
} from './schemas';

export const CLOSE_API = 'https://api.close.com/api/v1';

export type Result<T> = { ok: true; value: T } | { ok: false; error: CloseError };

export interface CloseClientOptions {
  apiKey: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** How often a 429 is retried by itself before the rep is told. */
  rateLimitRetries?: number;
  /** The longest single wait we accept for a 429; past it the rep is told instead. */
  maxRateLimitWaitSeconds?: number;
}

const OUTCOME_PAGE = 100;
const MAX_OUTCOME_PAGES = 20;
/** Close's default and largest page for lists. */
export const CALL_PAGE = 100;
/** Ids per `id__in` question: one request per batch, and a URL of a few KB at most. */
export const CONFIRM_BATCH = 50;
/** A user's calls in a period, at most this many pages of CALL_PAGE: past it the answer is "too many", never a part. */
export const MAX_USER_CALL_PAGES = 20;
/** Close caps the event log's pages at 50 (FACTS.md). */
const EVENT_PAGE = 50;

/** One page of a lead's calls; `next` asks Close for the following one, only when called. */
export interface CallPage {
  calls: Call[];
  next?: () => Promise<Result<CallPage>>;
  /** The `_skip` of the following page while Close says `has_more` (for asking across messages). */
  nextSkip?: number;
}

/** One page of a call's event log, newest first; `next` follows Close's cursor. */
export interface EventPage {
  events: CloseEvent[];
  next?: () => Promise<Result<EventPage>>;
}

/** Basic auth with the key as user name and an empty password, as Close documents. */
export const authorizationHeader = (apiKey: string) => `Basic ${btoa(`${apiKey}:`)}`;

export function createCloseClient(options: CloseClientOptions) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 30;

  async function request<T>(
    method: 'GET' | 'PUT',
    path: string,
    schema: z.ZodType<T>,
    { query, body }: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<Result<T>> {
    const url = new URL(`${CLOSE_API}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers: {
            Authorization: authorizationHeader(options.apiKey),
            Accept: 'application/json',
            ...(body !== undefined && { 'Content-Type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: offlineError() };
      }
      const text = await response.text().catch(() => '');
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined; // 5xx pages from proxies are HTML
      }
      if (response.ok) {
        const parsed = schema.safeParse(json);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: badResponseError(response.status) };
      }
      if (response.status === 429) {
        const wait = rateLimitWaitSeconds(response.headers, json);
        if (attempt < rateLimitRetries && wait <= maxWait) {
          await sleep(Math.ceil(wait * 1000));
          continue;
        }
        return { ok: false, error: errorFromResponse(429, json, wait) };
      }
      return { ok: false, error: errorFromResponse(response.status, json) };
    }
  }

  // Ids are checked here, at the last step before a URL exists, whatever the caller checked.
  const callPath = (callId: CallId) => {
    if (!isCallId(callId)) throw new TypeError('Not a Close call id');
    return `/activity/call/${encodeURIComponent(callId)}/`;
  };

  async function leadCallPage(leadId: LeadId, skip: number, limit = CALL_PAGE): Promise<Result<CallPage>> {
    if (!isLeadId(leadId)) throw new TypeError('Not a Close lead id');
    const result = await request('GET', '/activity/call/', listOf(CallSchema), {
      query: { lead_id: leadId, _fields: CALL_FIELDS, _limit: String(limit), _skip: String(skip) },
    });
    if (!result.ok) return result;
    const { data, has_more } = result.value;
    const after = skip + data.length;
    return {
      ok: true,
      value: {
        calls: [...data].sort(newestFirst),
        // An empty page that says "more" would page for ever.
        ...(has_more && data.length > 0 && { next: () => leadCallPage(leadId, after, limit), nextSkip: after }),
      },
    };
  }

  async function eventPage(callId: CallId, cursor?: string): Promise<Result<EventPage>> {
    if (!isCallId(callId)) throw new TypeError('Not a Close call id');
    const result = await request('GET', '/event/', EventPageSchema, {
      query: {
        object_type: 'activity.call',
        object_id: callId,
        _limit: String(EVENT_PAGE),
        ...(cursor && { _cursor: cursor }),
      },
    });
    if (!result.ok) return result;
    const { data, cursor_next } = result.value;
    return {
      ok: true,
      value: { events: data, ...(cursor_next && data.length > 0 && { next: () => eventPage(callId, cursor_next) }) },
    };
  }

  /** A lead's display name and contacts (`GET /lead/{id}/?_fields=display_name,contacts`). */
  function leadSummary(leadId: LeadId): Promise<Result<LeadSummary>> {
    if (!isLeadId(leadId)) throw new TypeError('Not a Close lead id');
    return request('GET', `/lead/${encodeURIComponent(leadId)}/`, LeadSummarySchema, {
      query: { _fields: 'display_name,contacts' },
    });
  }

  return {
    me: (): Promise<Result<Me>> => request('GET', '/me/', MeSchema, { query: { _fields: ME_FIELDS } }),

    /** Every outcome that applies to calls, across all pages. */
    async listCallOutcomes(): Promise<Result<Outcome[]>> {
      const outcomes: Outcome[] = [];
      for (let page = 0; page < MAX_OUTCOME_PAGES; page++) {
        const result = await request('GET', '/outcome/', listOf(OutcomeSchema), {
          query: { _fields: OUTCOME_FIELDS, _limit: String(OUTCOME_PAGE), _skip: String(page * OUTCOME_PAGE) },
        });
        if (!result.ok) return result;
        outcomes.push(...result.value.data);
        if (!result.value.has_more || result.value.data.length === 0) break;
      }
      // `applies_to` missing means an old outcome from before meetings had outcomes: a call outcome.
      return { ok: true, value: outcomes.filter((o) => !o.applies_to || o.applies_to.includes('calls')) };
    },

    /** A lead's newest calls (the first page only: see `leadCallPages` for the rest). */
    async listLeadCalls(leadId: LeadId): Promise<Result<Call[]>> {
      const page = await leadCallPage(leadId, 0);
      return page.ok ? { ok: true, value: page.value.calls } : page;
    },

    /**
     * One page of a lead's calls from `skip` (`_skip`/`_limit`, FACTS.md), with `nextSkip` while
     * Close says `has_more`: the panel opens on the first page and asks for the next by message.
     */
    leadCallsFrom: (leadId: LeadId, skip: number, limit = CALL_PAGE): Promise<Result<CallPage>> => leadCallPage(leadId, skip, limit),

    /**
     * A lead's calls page by page, newest first, following `has_more` lazily: the first page
     * now, each next one only when `next()` is called (the rep goes past the first 100, or
     * Save & next needs more). A lead with 500 calls costs one request to open.
     */
    leadCallPages: (leadId: LeadId, limit = CALL_PAGE): Promise<Result<CallPage>> => leadCallPage(leadId, 0, limit),

    /**
     * Which of these ids are calls, asked of Close (`id__in`, FACTS.md): one request per
     * CONFIRM_BATCH ids. Ids that are not calls (emails, notes, another organisation's) are
     * simply absent from the answer; any failure is a failure, never a guess.
     */
    async confirmCalls(callIds: readonly CallId[]): Promise<Result<CallId[]>> {
      const ids = [...new Set(callIds)];
      for (const id of ids) if (!isCallId(id)) throw new TypeError('Not a Close call id');
      const confirmed: CallId[] = [];
      for (let start = 0; start < ids.length; start += CONFIRM_BATCH) {
        const batch = ids.slice(start, start + CONFIRM_BATCH);
        const result = await request('GET', '/activity/call/', listOf(CallIdOnlySchema), {
          query: { id__in: batch.join(','), _fields: 'id', _limit: String(batch.length) },
        });
        if (!result.ok) return result;
        const asked = new Set<string>(batch);
        confirmed.push(...result.value.data.map((call) => call.id).filter((id) => asked.has(id)));
      }
      return { ok: true, value: confirmed };
    },

    /** A call's event log, newest first, 50 a page (Close's cap), following `cursor_next` lazily. */
    listEvents: (callId: CallId): Promise<Result<EventPage>> => eventPage(callId),

    /**
     * A lead's name and its contacts by name, for naming the other party of its calls (nameless
     * contacts are left out) and the lead of a save waiting in the outbox (issue 15). The same
     * request as leadSummary's: the display name costs nothing more.
     */
    async leadContacts(leadId: LeadId): Promise<Result<LeadNames>> {
      const result = await leadSummary(leadId);
      if (!result.ok) return result;
      const contacts = (result.value.contacts ?? []).flatMap(({ id, name }) => (name?.trim() ? [{ id, name: name.trim() }] : []));
      const name = result.value.display_name?.trim();
      return { ok: true, value: { ...(name && { name }), contacts } };
    },

    /**
     * Every call of one user made since `since`, paged with `_skip` to the end (FACTS.md: no
     * outcome filter there, the caller filters). `complete: false` when there were more than
     * MAX_USER_CALL_PAGES pages: then `calls` is only a part and must not be counted.
     */
    async userCalls(userId: string, since: Date): Promise<Result<{ calls: Call[]; complete: boolean; requests: number }>> {
      if (!/^user_[A-Za-z0-9]+$/.test(userId)) throw new TypeError('Not a Close user id');
      const calls: Call[] = [];
      for (let page = 0; page < MAX_USER_CALL_PAGES; page++) {
        const result = await request('GET', '/activity/call/', listOf(CallSchema), {
          query: {
            user_id: userId,
            date_created__gte: since.toISOString(),
            _fields: CALL_FIELDS,
            _limit: String(CALL_PAGE),
            _skip: String(page * CALL_PAGE),
          },
        });
        if (!result.ok) return result;
        calls.push(...result.value.data);
        // An empty page that says "more" would page for ever.
        if (!result.value.has_more || result.value.data.length === 0)
          return { ok: true, value: { calls, complete: true, requests: page + 1 } };
      }
      return { ok: true, value: { calls, complete: false, requests: MAX_USER_CALL_PAGES } };
    },

    /** A lead's display name and contacts, to name the calls of the queue. */
    leadSummary,

    getCall: (callId: CallId): Promise<Result<Call>> =>
      request('GET', callPath(callId), CallSchema, { query: { _fields: CALL_FIELDS } }),

    /** PUT only the changes: Close treats PUT as PATCH, and resending other fields can delete recordings. */
    updateCall: (callId: CallId, changes: CallChanges): Promise<Result<Call>> =>
      request('PUT', callPath(callId), CallSchema, { body: changes }),
  };
}

export type CloseClient = ReturnType<typeof createCloseClient>;

const callTime = (call: Call) => Date.parse(call.activity_at ?? call.date_created) || 0;
export const newestFirst = (a: Call, b: Call) => callTime(b) - callTime(a);
