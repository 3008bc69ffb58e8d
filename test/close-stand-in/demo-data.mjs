// @ts-check
// The demo organisation: fixed ids (so tests and the demo script can name them) that look like Close's, and a seed
// that gives every stand-in its own mutable copy.

/** @typedef {import('./types.mjs').Call} Call */
/** @typedef {import('./types.mjs').Lead} Lead */
/** @typedef {import('./types.mjs').Outcome} Outcome */
/** @typedef {import('./types.mjs').User} User */
/** @typedef {import('./types.mjs').Organization} Organization */
/** @typedef {import('./types.mjs').StandInState} StandInState */

const ORG_ID = 'orga_PqDy1n5hpNsDPBNbGCXVvGpMxit6yL5Yjh7fKOTRilt';
const OTHER_ORG_ID = 'orga_VRG3sMWO7GLvEdudr1yhT4aLO029oHoV9lX31Nal7SP';
const ME_ID = 'user_VOi1syzNeT1u5Lr4o4xVSZftNVlkaDA9T6uDNF7GBrD';
const COLLEAGUE_ID = 'user_f3HGKYWKvIWUVmOUCH14ikgS0ZDkfrkIS58c9W9oPAB';
const OTHER_USER_ID = 'user_Lf7UsoSAQSSbWDg54MNXQ8Sa8cUMZADjqN99UcRkgMY';
const LOCAL_PHONE = '+14155550000';

/** Close writes timestamps with microseconds and an explicit UTC offset. */
const at = (/** @type {string} */ isoMinute) => `${isoMinute}:00.000000+00:00`;

/** @type {Organization} */
const organization = {
  id: ORG_ID, name: 'Acme Demo Inc', created_by: ME_ID, currency: 'USD',
  date_created: at('2024-03-04T09:00'), date_updated: at('2026-10-01T12:00'),
};
/** @type {Organization} */
const otherOrganization = {
  id: OTHER_ORG_ID, name: 'Umbrella Test Co', created_by: OTHER_USER_ID, currency: 'EUR',
  date_created: at('2025-01-15T08:00'), date_updated: at('2026-06-01T08:00'),
};

/**
 * @param {string} id @param {string} first @param {string} last @param {string} email
 * @param {Organization} org @param {string} membershipId @param {string} role
 * @returns {User}
 */
function user(id, first, last, email, org, membershipId, role) {
  return {
    id, first_name: first, last_name: last, email, organization_id: org.id,
    image: null, phone: null, email_verified_at: at('2024-03-04T09:05'),
    date_created: at('2024-03-04T09:00'), date_updated: at('2026-09-30T10:00'),
    organizations: [{ id: org.id, name: org.name, currency: org.currency, date_created: org.date_created }],
    memberships: [{ id: membershipId, organization_id: org.id, user_id: id, role_id: role, date_created: at('2024-03-04T09:00') }],
  };
}

const me = user(ME_ID, 'Riley', 'Parker', 'rep@acme-demo.example', organization,
  'memb_hyEWG5MTevhHfFrmTX3xsZVLKHGJgVtnTaCho12aWHI', 'admin');
const colleague = user(COLLEAGUE_ID, 'Sam', 'Okafor', 'sam@acme-demo.example', organization,
  'memb_LRZ9bZm3qFvj2yZ5b74ayeioTtXxcGjTBmCUFKCfbKs', 'user');
const otherUser = user(OTHER_USER_ID, 'Alex', 'Wesker', 'other@umbrella-demo.example', otherOrganization,
  'memb_sNqM5d35QTwcArJV8kFk7omQ8YkZgG4DJJoDFKePyir', 'admin');

/**
 * @param {string} id @param {string} name @param {string} description
 * @param {Outcome['applies_to']} appliesTo @param {Outcome['type']} [type] @param {string} [orgId]
 * @returns {Outcome}
 */
function outcome(id, name, description, appliesTo, type = 'custom', orgId = ORG_ID) {
  return {
    id, name, description: description || null, type, applies_to: appliesTo, organization_id: orgId,
    created_by: orgId === ORG_ID ? ME_ID : OTHER_USER_ID, updated_by: null,
    date_created: at('2026-03-10T10:00'), date_updated: at('2026-03-10T10:00'),
  };
}

const outcomes = {
  interested: outcome('outcome_3gEstuiDqDIP2wDgN7rwTp', 'Interested', 'Wants to hear more', ['calls']),
  notInterested: outcome('outcome_HjfbtDp98QWu59LNywD4nn', 'Not interested', '', ['calls']),
  meetingBooked: outcome('outcome_jqADn1SoRaybdHVJlljiVO', 'Meeting booked', 'A demo or follow-up meeting is in the calendar', ['calls', 'meetings']),
  noAnswer: outcome('outcome_8HbQIwRNxbOVCCEZuK6oBj', 'No answer', '', ['calls']),
  leftVoicemail: outcome('outcome_PRc0xeETYAqwzZ9LLFllUB', 'Left voicemail', 'Left a personal voicemail', ['calls']),
  voicemailDropped: outcome('outcome_vuzQurHNsX5y6yjHqbdQER', 'Voicemail dropped', 'Pre-recorded voicemail was dropped', ['calls'], 'vm-dropped'),
  wrongNumber: outcome('outcome_ediAhkWDeyxpZnFscMfA57', 'Wrong number', '', ['calls']),
  /** Only for meetings: the API must refuse it on a call. */
  meetingHeld: outcome('outcome_UApuEWCcCF617ajsxtS0JO', 'Meeting held', 'Only meaningful for meetings', ['meetings']),
};
/** Belongs to the other organisation, so the demo key must get "Outcome not found." for it. */
const otherOrgOutcome = outcome('outcome_Zve5pQc5NTfOTOuSkCHn9L', 'Umbrella: qualified', '', ['calls'], 'custom', OTHER_ORG_ID);
/** Still referenced by a call, gone from the outcome list (Close keeps a deleted outcome's id on its calls). */
const deletedOutcomeId = 'outcome_JG7jjn1jJNemLxNlU6pTCk';

/**
 * @param {string} id @param {string} name @param {string} title @param {string} phone @param {string} email
 * @returns {import('./types.mjs').Contact}
 */
function contact(id, name, title, phone, email) {
  const formatted = `+${phone.slice(1, 2)} ${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`;
  return { id, name, title, phones: [{ phone, phone_formatted: formatted, type: 'office' }], emails: [{ email, type: 'office' }] };
}

/**
 * @param {string} id @param {string} name @param {import('./types.mjs').Contact[]} contacts @param {string} [orgId]
 * @returns {Lead}
 */
function lead(id, name, contacts, orgId = ORG_ID) {
  return {
    id, name, display_name: name, organization_id: orgId, status_label: 'Potential',
    html_url: `https://app.close.com/lead/${id}/`, contacts,
    date_created: at('2026-08-01T09:00'), date_updated: at('2026-11-01T09:00'),
  };
}

const contacts = {
  wile: contact('cont_PO63mCGBgBnI6Cz1vm2O0KEko97uXhzsP4QlmLlTLdj', 'Wile E. Coyote', 'Head of Operations', '+14155550101', 'wile@acme-anvils.example'),
  marvin: contact('cont_AkI5ROl99f2LLMYze8uhFmiG8HINTVor60LoiXiS6py', 'Marvin Acme', 'CEO', '+14155550102', 'marvin@acme-anvils.example'),
  hank: contact('cont_kUIo6Jcq64niLnu1RHqaeS112JDs9VohlZNOUHe2yq6', 'Hank Scorpio', 'President', '+13125550147', 'hank@globex.example'),
  peter: contact('cont_zKiJ4XCR80XAuSTQ3TpTBBbWnl3OE2I0WDwvm4PYuTN', 'Peter Gibbons', 'Software Engineer', '+15125550188', 'peter@initech.example'),
  alice: contact('cont_9VAHnkPpcXVPIMJb9ureWUF9T5FMvR0K5nnPmH8fjvb', 'Alice Abernathy', 'Security', '+33155550123', 'alice@umbrella-pharma.example'),
};

const leadRecords = {
  acme: lead('lead_lDYM4Ak2xrqC2SZurtROvap1ENqHecFEsN7QpNHmaHJ', 'Acme Anvils & Co.', [contacts.wile, contacts.marvin]),
  globex: lead('lead_DpUyPOtOwOFYHIUy9gFlsljLzaCt2CwgOWhwdEAqf89', 'Globex Corporation', [contacts.hank]),
  initech: lead('lead_ZwCGg1cUDaDFQ92byVafWpg1sS3T4wzO3jim1KHP7tk', 'Initech', [contacts.peter]),
};
const otherLead = lead('lead_EVDZ5xpZMPf9uNYtObc2a2isRZ7uXdzeEwDFQX2DjTp', 'Umbrella Pharma (test)', [contacts.alice], OTHER_ORG_ID);

/** Display names as Close denormalises them onto activities. */
/** @type {Record<string, string>} */
const NAMES = { [ME_ID]: 'Riley Parker', [COLLEAGUE_ID]: 'Sam Okafor', [OTHER_USER_ID]: 'Alex Wesker' };

/**
 * Defaults for everything a seeded call does not say otherwise.
 * @param {Partial<Call> & { id: string, lead: Lead, contact: import('./types.mjs').Contact, by: string, at: string }} c
 * @returns {Call}
 */
function call({ lead: l, contact: ct, by, at: when, ...rest }) {
  const name = NAMES[by] ?? null;
  const phone = ct.phones[0]?.phone ?? null;
  const stamp = at(when);
  return {
    _type: 'Call', organization_id: l.organization_id, lead_id: l.id, contact_id: ct.id,
    user_id: by, user_name: name, created_by: by, created_by_name: name, updated_by: by, updated_by_name: name,
    users: [by], direction: 'outbound', status: 'completed', disposition: 'answered', duration: 0,
    phone, remote_phone: phone, local_phone: LOCAL_PHONE, note: '', note_html: '<body><p></p></body>',
    outcome_id: null, activity_at: stamp, date_created: stamp, date_updated: stamp, source: 'External',
    recording_url: null, voicemail_url: null, recording_duration: null, voicemail_duration: null,
    recording_transcript: null, sequence_id: null, sequence_name: null, sequence_subscription_id: null,
    cost: null, transferred_from: null, transferred_to: null, is_forwarded: false, call_method: 'regular',
    recording_deleted: false,
    ...rest,
  };
}

const calls = {
  /** The most recent call of acme, with a rich-text note: `note` is its plain rendering. */
  acmeRichNote: call({
    id: 'acti_U9YruZbFTVhaDWkcnMFTGTBoBx5cARdilinjH03zxau', lead: leadRecords.acme, contact: contacts.wile, by: ME_ID,
    at: '2026-11-23T15:42', direction: 'outbound', duration: 412, outcome_id: outcomes.interested.id,
    note_html: '<body><p>Great call with <strong>Wile E.</strong> about the <em>Q1 anvil</em> order.</p>'
      + '<p>Next steps:</p><ul><li>Send pricing for 50 units</li><li>Book a demo with their ops team</li></ul></body>',
    note: 'Great call with Wile E. about the Q1 anvil order.\nNext steps:\nSend pricing for 50 units\nBook a demo with their ops team',
  }),
  /** Made through Close's own phone system, with a recording that a careless PUT would destroy. */
  acmeRecorded: call({
    id: 'acti_Yky5p87TxigLvfQ87D9khCQoiger64lhFR7PyMRLBGS', lead: leadRecords.acme, contact: contacts.marvin, by: COLLEAGUE_ID,
    at: '2026-11-20T10:05', direction: 'outbound', duration: 185, source: 'Close.io', outcome_id: outcomes.leftVoicemail.id,
    recording_url: 'https://app.close.com/call/acti_Yky5p87TxigLvfQ87D9khCQoiger64lhFR7PyMRLBGS/recording/',
    recording_duration: 181,
    note: 'Left details with reception.\nCall back after 3pm — ask for Wile E. <ops lead> & confirm budget.',
    note_html: '<body><p>Left details with reception.<br />Call back after 3pm — ask for Wile E. &lt;ops lead&gt; &amp; confirm budget.</p></body>',
  }),
  /** Points at an outcome that was deleted since; inbound; empty note. */
  acmeDeletedOutcome: call({
    id: 'acti_Ez7qfoKbVdiNF2GjzuUfkZy4MBXkvr0znGNcsk3nkat', lead: leadRecords.acme, contact: contacts.wile, by: ME_ID,
    at: '2026-11-12T16:30', direction: 'inbound', duration: 64, outcome_id: deletedOutcomeId,
    phone: '+14155550101', local_phone: LOCAL_PHONE,
  }),
  /** Most recent of globex: a plain-text note, no outcome. */
  globexPlainNote: call({
    id: 'acti_uyasoMgFRQ8kDZbpoMuP9PN5FBruvQIutqQNyJTdQpz', lead: leadRecords.globex, contact: contacts.hank, by: ME_ID,
    at: '2026-11-22T09:12', direction: 'inbound', duration: 233,
    note: 'Hank asked about the renewal date.\nSending the contract on Friday.',
    note_html: '<body><p>Hank asked about the renewal date.<br />Sending the contract on Friday.</p></body>',
  }),
  /** Unanswered; `note` and `note_html` are null, which Close also returns. */
  globexNoAnswer: call({
    id: 'acti_mlH7JVMS8nXh5iDr3wkv15Pvj03HYwje1QVouBt1kv7', lead: leadRecords.globex, contact: contacts.hank, by: COLLEAGUE_ID,
    at: '2026-11-21T14:00', direction: 'outbound', status: 'no-answer', disposition: 'no-answer', duration: 0,
    outcome_id: outcomes.noAnswer.id, note: null, note_html: null,
  }),
  /** Through Close, a dropped voicemail (the `vm-dropped` outcome), no recording. */
  globexVoicemailDrop: call({
    id: 'acti_JM03fmHETegPuvk3NNiLLtq1ONUY4sVlDNFCODsSvAm', lead: leadRecords.globex, contact: contacts.hank, by: ME_ID,
    at: '2026-11-18T11:20', direction: 'outbound', disposition: 'vm-left', duration: 41, source: 'Close.io',
    outcome_id: outcomes.voicemailDropped.id,
    note: 'Dropped the standard renewal voicemail.',
    note_html: '<body><p>Dropped the standard renewal voicemail.</p></body>',
  }),
  /** Most recent of initech: short rich-text note. */
  initechRichNote: call({
    id: 'acti_yZSpZr8xgPAzTGjeKQoVNsribBwxLa8G5vvf6SqjcS2', lead: leadRecords.initech, contact: contacts.peter, by: ME_ID,
    at: '2026-11-23T11:00', direction: 'outbound', duration: 905, outcome_id: outcomes.meetingBooked.id,
    note_html: '<body><p>Peter confirmed the <strong>TPS report</strong> integration scope.</p></body>',
    note: 'Peter confirmed the TPS report integration scope.',
  }),
  initechPlainNote: call({
    id: 'acti_R783G8lGopGXY8o0tJSxDbypkbMCSlLcHifvxFb9dmu', lead: leadRecords.initech, contact: contacts.peter, by: ME_ID,
    at: '2026-11-02T13:45', direction: 'inbound', duration: 97, outcome_id: outcomes.notInterested.id,
    note: 'Asked whether we got the memo about the new cover sheets.',
    note_html: '<body><p>Asked whether we got the memo about the new cover sheets.</p></body>',
  }),
};
const otherCall = call({
  id: 'acti_jobSNbzni0sVfFvKYT7Ui7Wut2Z3wpacSarjyIEfSpp', lead: otherLead, contact: contacts.alice, by: OTHER_USER_ID,
  at: '2026-11-19T08:30', duration: 120, note: 'Other organisation: invisible to the demo key.',
  note_html: '<body><p>Other organisation: invisible to the demo key.</p></body>',
});

const callsOfLead = (/** @type {Lead} */ l) => Object.values(calls).filter((c) => c.lead_id === l.id)
  .sort((a, b) => String(b.activity_at).localeCompare(String(a.activity_at)));

/** @param {Lead} l @param {Call[]} leadCalls */
const demoLeadOf = (l, leadCalls) => {
  const ids = [...leadCalls].sort((a, b) => String(b.activity_at).localeCompare(String(a.activity_at))).map((c) => c.id);
  return { ...l, callIds: ids, latestCallId: /** @type {string} */ (ids[0]) };
};

/** @param {Lead} l */
const demoLead = (l) => {
  const ids = callsOfLead(l).map((c) => c.id);
  return { ...l, callIds: ids, latestCallId: /** @type {string} */ (ids[0]) };
};

/**
 * `n` more outcomes for the demo organisation, so that `/outcome/` needs more than one page. Deterministic ids.
 * @param {number} n
 * @returns {Outcome[]}
 */
function manyOutcomes(n) {
  return Array.from({ length: n }, (_, i) =>
    outcome(`outcome_${idBody(i + 1, 22)}`, `Bulk outcome ${String(i + 1).padStart(3, '0')}`, '', ['calls']));
}

/**
 * A base62 id body that looks random but never changes between runs (mulberry32 seeded by `n`).
 * @param {number} n @param {number} length
 */
function idBody(n, length) {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let seed = n * 0x9e3779b1;
  let suffix = '';
  for (let k = 0; k < length; k += 1) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    suffix += alphabet[(((t ^ (t >>> 14)) >>> 0) % 62)];
  }
  return suffix;
}

// --- Close as it really is (issue 14), seeded with `seedDemoData({ closeAsItIs: true })` ---------------------------
// Not in the default seed: the older tests count the organisation's calls and the inbox's links.

const closeContacts = {
  walter: contact('cont_Wb3dQhX8mV2nK7pL4sR9tY6uZ1aC5eF0gH2jM4oP8qT', 'Walter Bishop', 'Head of Research', '+16175550111', 'walter@massive-dynamic.example'),
  gavin: contact('cont_Gv7bL2nQ9wE4rT6yU1iO3pA5sD8fG0hJ2kL4zX6cV8b', 'Gavin Belson', 'CEO', '+14085550142', 'gavin@hooli.example'),
  anna: contact('cont_An4kM8pR2tW6yB9dF1hJ3lN5qS7uV0xZ2cE4gI6oK8m', 'Anna Müller', 'Einkauf', '+498955501234', 'anna@mueller-maschinenbau.example'),
};
const closeLeads = {
  /** 250 calls: more than one page of Close's 100 (`has_more`). */
  busy: lead('lead_Md7xQ2wE9rT4yU6iO1pA3sD5fG8hJ0kL2zX4cV6bN8m', 'Massive Dynamic', [closeContacts.walter]),
  /** A call still going on (`in-progress`) and one just dialled (`created`). */
  live: lead('lead_Hl4nB8vC2xZ6mQ9wE1rT3yU5iO7pA0sD2fG4hJ6kL8z', 'Hooli', [closeContacts.gavin]),
  /** Its page's feed is in German, and holds an email that mentions a call. */
  german: lead('lead_Mu2eL5lR8mA1sC4hI7nE0nB3aU6gG9mB2hX5yZ8wQ1v', 'Müller Maschinenbau GmbH', [closeContacts.anna]),
};

const BUSY_CALLS = 250;
/** Newest first, one every 3 hours back from 2026-11-20 09:00 UTC; every 7th has a note, every 5th an outcome. */
const busyCalls = Array.from({ length: BUSY_CALLS }, (_, i) => {
  const when = new Date(Date.UTC(2026, 10, 20, 9) - i * 3 * 3_600_000).toISOString().slice(0, 16);
  const note = i % 7 === 0 ? `Check-in #${BUSY_CALLS - i} with Walter.` : '';
  return call({
    id: `acti_${idBody(10_000 + i, 43)}`, lead: closeLeads.busy, contact: closeContacts.walter, by: i % 3 ? ME_ID : COLLEAGUE_ID,
    at: when, duration: 30 + (i % 11) * 17, outcome_id: i % 5 === 0 ? outcomes.interested.id : null,
    note, note_html: note ? `<body><p>${note}</p></body>` : '<body><p></p></body>',
  });
});

const liveCalls = {
  /** Made through Close, still `in-progress`: hang it up with `standIn.closeWrites.hangUp(id, DEMO.closeAsItIs.hangUp)`. */
  inProgress: call({
    id: 'acti_Lv1nP9gC2aL7lX4qR8sT3uV6wY0zB5cD1eF3gH5iJ7k', lead: closeLeads.live, contact: closeContacts.gavin, by: ME_ID,
    at: '2026-11-24T10:00', source: 'Close.io', status: 'in-progress', disposition: null, duration: null,
  }),
  /** Just dialled, not connected yet. */
  created: call({
    id: 'acti_Cr3aT7eD1cA5lL9nO2wQ6eR0tY4uI8oP2aS6dF0gH4j', lead: closeLeads.live, contact: closeContacts.gavin, by: ME_ID,
    at: '2026-11-24T09:58', source: 'Close.io', status: 'created', disposition: null, duration: null,
  }),
};

const germanCalls = {
  outbound: call({
    id: 'acti_De1uT5sC9hA3nR7uF1aB5gE9hE3nD7eK1aN5nA9mX3q', lead: closeLeads.german, contact: closeContacts.anna, by: ME_ID,
    at: '2026-11-22T14:30', duration: 318, outcome_id: outcomes.meetingBooked.id,
    note: 'Termin für die Vorführung am Montag.', note_html: '<body><p>Termin für die Vorführung am Montag.</p></body>',
  }),
  inbound: call({
    id: 'acti_De2iN6gE0hE4nD8eR2aN6rU0fB4eI8hA2nN6aM0uE4l', lead: closeLeads.german, contact: closeContacts.anna, by: ME_ID,
    at: '2026-11-18T08:15', direction: 'inbound', duration: 95,
  }),
};

/** An email (not a call) between the two German calls, whose subject says "Call": our feed buttons must skip it. */
/** @type {import('./types.mjs').Email} */
const germanEmail = {
  _type: 'Email', id: 'acti_Em2aI4lM6uE8lL0eR2cA4lL6mO8nT0aG2eX4yZ6wQ8v', organization_id: ORG_ID, lead_id: closeLeads.german.id,
  subject: 'Re: Unser Call am Montag', body_text: 'Hallo Anna, wie besprochen in unserem Call: die Unterlagen im Anhang.',
  direction: 'outbound', activity_at: at('2026-11-20T11:00'), date_created: at('2026-11-20T11:00'), date_updated: at('2026-11-20T11:00'),
};

/** Close's own writes after hang-up, as the demo shows them (times from the hang-up). */
const hangUpPlan = {
  stillInProgressMs: 2000,
  templateNoteHtml: '<body><h1>Call summary</h1><p>Pain points:</p><p>Next steps:</p></body>',
  templateAfterMs: 4000,
  aiOutcomeId: outcomes.interested.id,
  aiOutcomeAfterMs: 7000,
};

// --- Calls to log (issue 17), seeded with `seedDemoData({ callsToLog: true })` --------------------------------------
// Dated from `now` (the rep's queue counts the last days): the rep's ended calls without an outcome on three leads,
// and the calls that must not count (in progress, with an outcome, a colleague's, older than the default 7 days).

const HOUR = 3_600_000;
/** @param {number} now @param {number} hoursAgo */
const hoursBefore = (now, hoursAgo) => new Date(now - hoursAgo * HOUR).toISOString().slice(0, 16);

/** Which call is which, by id; `toLog` oldest first, as the queue walks them. */
const callsToLogIds = {
  toLog: [
    `acti_${idBody(20_001, 43)}`, `acti_${idBody(20_002, 43)}`, `acti_${idBody(20_003, 43)}`,
    `acti_${idBody(20_004, 43)}`, `acti_${idBody(20_005, 43)}`,
  ],
  inProgress: `acti_${idBody(20_011, 43)}`,
  withOutcome: `acti_${idBody(20_012, 43)}`,
  colleagues: `acti_${idBody(20_013, 43)}`,
  older: `acti_${idBody(20_014, 43)}`,
};

/**
 * The calls of `seedDemoData({ callsToLog: true, now })`.
 * @param {number} now
 * @returns {Call[]}
 */
function callsToLogCalls(now) {
  const [a, b, c, d, e] = /** @type {string[]} */ (callsToLogIds.toLog);
  const when = (/** @type {number} */ h) => hoursBefore(now, h);
  return [
    call({ id: /** @type {string} */ (a), lead: leadRecords.globex, contact: contacts.hank, by: ME_ID, at: when(74), duration: 61 }),
    call({ id: /** @type {string} */ (b), lead: leadRecords.initech, contact: contacts.peter, by: ME_ID, at: when(50), duration: 318,
      direction: 'inbound' }),
    call({ id: /** @type {string} */ (c), lead: leadRecords.acme, contact: contacts.wile, by: ME_ID, at: when(26), duration: 134,
      note: 'Wile asked for the anvil catalogue.', note_html: '<body><p>Wile asked for the anvil catalogue.</p></body>' }),
    // No contact: the queue names the phone number.
    call({ id: /** @type {string} */ (d), lead: leadRecords.globex, contact: contacts.hank, by: ME_ID, at: when(5), duration: 47,
      contact_id: null, phone: '+13125550199', remote_phone: '+13125550199' }),
    call({ id: /** @type {string} */ (e), lead: leadRecords.acme, contact: contacts.marvin, by: ME_ID, at: when(2), duration: 252 }),
    call({ id: callsToLogIds.inProgress, lead: leadRecords.initech, contact: contacts.peter, by: ME_ID, at: when(0.2),
      source: 'Close.io', status: 'in-progress', disposition: null, duration: null }),
    call({ id: callsToLogIds.withOutcome, lead: leadRecords.acme, contact: contacts.wile, by: ME_ID, at: when(4), duration: 88,
      outcome_id: outcomes.interested.id, note: 'Interested.', note_html: '<body><p>Interested.</p></body>' }),
    call({ id: callsToLogIds.colleagues, lead: leadRecords.globex, contact: contacts.hank, by: COLLEAGUE_ID, at: when(3), duration: 95 }),
    call({ id: callsToLogIds.older, lead: leadRecords.acme, contact: contacts.wile, by: ME_ID, at: when(24 * 12), duration: 30 }),
  ];
}

/**
 * @template T
 * @param {T} value
 * @returns {Readonly<T>}
 */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: tests read it, the stand-in only ever works on a copy from `seedDemoData()`. */
export const DEMO = deepFreeze({
  apiKey: 'api_KDpsWOrsB8y2BZtn5Lkgss.l627VapuSYuYsqdHscoVMW',
  /** A colleague in the same organisation, e.g. to simulate someone else editing a call meanwhile. */
  colleagueApiKey: 'api_EabQ53TcJfoljAn7ftBDO9.jYF0hnha1ZQs4KrNiL1FNi',
  /** A user of another organisation: the demo leads, calls and outcomes do not exist for this key. */
  otherApiKey: 'api_WHbJIJi6EHa0hPpX6kwUFB.9ltL7pH1OkazpI6oBXJ1j2',
  me, colleague, otherUser, organization, otherOrganization,
  localPhone: LOCAL_PHONE,
  leads: { acme: demoLead(leadRecords.acme), globex: demoLead(leadRecords.globex), initech: demoLead(leadRecords.initech) },
  otherLead: demoLead(otherLead),
  calls,
  otherCall,
  outcomes,
  otherOrgOutcome,
  deletedOutcomeId,
  /** Generates fresh outcome objects each call (not part of the seed unless `seedDemoData({ extraOutcomes })`). */
  manyOutcomes,
  /** Close as it really is (issue 14): in the seed only with `seedDemoData({ closeAsItIs: true })`. */
  closeAsItIs: {
    busyLead: { ...closeLeads.busy, callIds: busyCalls.map((c) => c.id), latestCallId: /** @type {string} */ (busyCalls[0]?.id) },
    liveLead: demoLeadOf(closeLeads.live, Object.values(liveCalls)),
    germanLead: demoLeadOf(closeLeads.german, Object.values(germanCalls)),
    liveCalls,
    germanCalls,
    germanEmail,
    /** Pass to `standIn.closeWrites.hangUp(DEMO.closeAsItIs.liveCalls.inProgress.id, DEMO.closeAsItIs.hangUp)`. */
    hangUp: hangUpPlan,
    /** The inbox (no lead in its URL) links the German email first, then a call: the launcher must pick the call. */
    inboxLinks: [germanEmail.id, germanCalls.outbound.id],
  },
  /**
   * Calls to log (issue 17): in the seed only with `seedDemoData({ callsToLog: true })`, dated from its `now`. `toLog`
   * (oldest first) are the rep's 5 ended calls without an outcome on 3 leads; the others must not count.
   */
  callsToLog: callsToLogIds,
});

/**
 * A fresh, mutable copy of the demo state.
 * @param {{ extraOutcomes?: number, closeAsItIs?: boolean, callsToLog?: boolean, now?: number }} [options] `extraOutcomes`:
 *   add that many generated outcomes (pagination tests). `closeAsItIs`: add the leads of `DEMO.closeAsItIs` (250
 *   calls, calls in progress, a German feed with an email) and the inbox's links. `callsToLog`: add the calls of
 *   `DEMO.callsToLog`, dated back from `now` (default: the clock now).
 * @returns {StandInState}
 */
export function seedDemoData(options = {}) {
  const copy = /** @type {<T>(v: T) => T} */ ((v) => structuredClone(v));
  const real = options.closeAsItIs === true;
  /** @type {Lead[]} */
  const leads = [leadRecords.acme, leadRecords.globex, leadRecords.initech, otherLead,
    ...(real ? Object.values(closeLeads) : [])];
  /** @type {Outcome[]} */
  const allOutcomes = [...Object.values(outcomes), otherOrgOutcome, ...manyOutcomes(options.extraOutcomes ?? 0)];
  /** @type {Call[]} */
  const allCalls = [...Object.values(calls), otherCall,
    ...(real ? [...busyCalls, ...Object.values(liveCalls), ...Object.values(germanCalls)] : []),
    ...(options.callsToLog ? callsToLogCalls(options.now ?? Date.now()) : [])];
  const users = [me, colleague, otherUser].map(copy);
  return {
    me: /** @type {User} */ (users[0]),
    organization: copy(organization),
    users: new Map(users.map((u) => [u.id, u])),
    organizations: new Map([organization, otherOrganization].map((o) => [o.id, copy(o)])),
    apiKeys: new Map([
      [DEMO.apiKey, ME_ID],
      [DEMO.colleagueApiKey, COLLEAGUE_ID],
      [DEMO.otherApiKey, OTHER_USER_ID],
    ]),
    leads: new Map(leads.map((l) => [l.id, copy(l)])),
    calls: new Map(allCalls.map((c) => [c.id, copy(c)])),
    outcomes: new Map(allOutcomes.map((o) => [o.id, copy(o)])),
    events: [],
    emails: new Map(real ? [[germanEmail.id, copy(germanEmail)]] : []),
    feedLanguage: new Map(real ? [[closeLeads.german.id, /** @type {const} */ ('de')]] : []),
    ...(real && { inboxLinks: [...DEMO.closeAsItIs.inboxLinks] }),
  };
}
