// @ts-check
// The main area of the fake app.close.com. The server renders it for the first load and the page's own script
// renders it again after in-app navigation, from the *same* source: app-pages.mjs inlines these functions with
// `String(fn)`. So each function must be self-contained: no imports, no outer variables, no helpers outside it.

/**
 * @typedef {{
 *   lead: { id: string, display_name: string, status_label: string, contacts: { id: string, name: string }[] },
 *   calls: Record<string, unknown>[],
 *   outcomes: Record<string, string>,
 *   language?: 'en' | 'de',
 *   emails?: { id: string, subject: string, body_text: string, activity_at: string }[],
 * }} LeadPageData
 *   `language`: the words of the feed (Close's own UI language); `emails`: shown among the calls, by time.
 */

/**
 * How the feed is shown. Without one (the first load, in-app navigation) it lists every call. A lead page opened
 * with `?feed=lazy` shows it as Close's feed behaves under load (test/e2e/feed-buttons.e2e.test.ts): an email among
 * the calls, a filter, and older calls loaded on demand, so that the feed re-renders and grows under the extension.
 * @typedef {{ shown: number, filter: 'all' | 'emails' }} FeedView
 */

/** An email in the lazy feed: an activity id that is not a call's. */
export const FEED_EMAIL_ID = 'acti_Em4iLq7bX2dR9sK1vT6wY3zA8cF5gH0jN2mP4rU7';

/**
 * @param {LeadPageData} data
 * @param {FeedView} [view]
 * @returns {string}
 */
export function renderLeadMain(data, view) {
  /** @param {unknown} v */
  const esc = (v) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // A German Close says "Anruf", never "call": nothing of ours may depend on English words (issue 14).
  const de = data.language === 'de';
  const words = de
    ? { inbound: 'Eingehender Anruf', outbound: 'Ausgehender Anruf', copy: 'Link kopieren', email: 'E-Mail',
      activity: 'Aktivitäten', empty: 'Noch keine Aktivitäten.' }
    : { inbound: 'Inbound call', outbound: 'Outbound call', copy: 'Copy Link', email: 'Email', activity: 'Activity',
      empty: 'No activity yet.' };
  /** Fixed to UTC so that server and browser print the same thing. @param {unknown} iso */
  const when = (iso) => {
    const d = new Date(String(iso));
    if (Number.isNaN(d.getTime())) return { attr: '', text: '' };
    const h = d.getUTCHours();
    const text = `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h % 12 || 12}:`
      + `${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'} UTC`;
    return { attr: d.toISOString(), text };
  };
  /** @param {unknown} seconds */
  const duration = (seconds) => {
    const s = Number(seconds) || 0;
    return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
  };
  /** @type {Record<string, string>} */
  const dispositions = {
    answered: 'Answered', 'no-answer': 'No answer', 'vm-answer': 'Reached voicemail', 'vm-left': 'Left voicemail',
    busy: 'Busy', blocked: 'Blocked', error: 'Error', abandoned: 'Abandoned',
  };
  const contacts = Object.fromEntries(data.lead.contacts.map((c) => [c.id, c.name]));

  const calls = view ? (view.filter === 'all' ? data.calls.slice(0, view.shown) : []) : data.calls;
  /** @type {{ at: string, html: string }[]} */
  const emailItems = (data.emails ?? []).map((e) => {
    const t = when(e.activity_at);
    const link = `/lead/${encodeURIComponent(data.lead.id)}/#activityId=${encodeURIComponent(e.id)}`;
    return {
      at: t.attr,
      html: `<li class="ActivityFeed_item__x7Gh2"><div class="ActivityFeed_header__Lp02s">`
        + `<span class="ActivityFeed_kind__Zr5mQ">${words.email}</span>`
        + `<span class="ActivityFeed_who__c0Xp4">${esc(e.subject)}</span>`
        + `<time class="ActivityFeed_time__Hw3Ke" datetime="${esc(t.attr)}">${esc(t.text)}</time>`
        + `<a class="ActivityFeed_copyLink__q8Lm1" href="${esc(link)}">${words.copy}</a></div>`
        + `<div class="ActivityFeed_note__mN4sB">${esc(e.body_text)}</div></li>`,
    };
  });
  const callItems = calls.map((c) => {
    const t = when(c.activity_at ?? c.date_created);
    const inbound = c.direction === 'inbound';
    const who = contacts[String(c.contact_id)] ?? c.phone;
    const outcome = c.outcome_id ? data.outcomes[String(c.outcome_id)] : undefined;
    const link = `/lead/${encodeURIComponent(data.lead.id)}/#activityId=${encodeURIComponent(String(c.id))}`;
    const html = `<li class="ActivityFeed_item__x7Gh2">`
      + `<div class="ActivityFeed_header__Lp02s">`
      + `<span class="ActivityFeed_kind__Zr5mQ">${inbound ? words.inbound : words.outbound}</span>`
      + `<span class="ActivityFeed_who__c0Xp4">${esc(c.user_name)} ${inbound ? '←' : '→'} ${esc(who)}</span>`
      + `<time class="ActivityFeed_time__Hw3Ke" datetime="${esc(t.attr)}">${esc(t.text)}</time>`
      + `<a class="ActivityFeed_copyLink__q8Lm1" href="${esc(link)}">${words.copy}</a>`
      + `</div>`
      + `<div class="CallDetails_row__e4Rb9">`
      + `<span class="CallDetails_phone__V2nQs">${esc(c.phone)}</span>`
      + `<span class="CallDetails_duration__aT7yL">${duration(c.duration)}</span>`
      + `<span class="CallDetails_status__Kc3Wd">${esc(dispositions[String(c.disposition)] ?? c.status)}</span>`
      + (outcome ? `<span class="CallDetails_outcome__Ju8Fv">${esc(outcome)}</span>` : '')
      + (c.recording_url ? `<span class="CallDetails_recording__Wd2Ux">Recording ${duration(c.recording_duration)}</span>` : '')
      + `</div>`
      + (c.note ? `<div class="ActivityFeed_note__mN4sB">${esc(c.note)}</div>` : '')
      + `</li>`;
    return { at: t.attr, html };
  });
  // Newest first, emails among the calls (ISO strings of one format compare as times).
  const items = [...callItems, ...emailItems].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((i) => i.html);

  if (view) {
    const emailLink = `/lead/${encodeURIComponent(data.lead.id)}/#activityId=acti_Em4iLq7bX2dR9sK1vT6wY3zA8cF5gH0jN2mP4rU7`;
    items.unshift(`<li class="ActivityFeed_item__x7Gh2"><div class="ActivityFeed_header__Lp02s">`
      + `<span class="ActivityFeed_kind__Zr5mQ">Email</span><span class="ActivityFeed_who__c0Xp4">Re: pricing</span>`
      + `<time class="ActivityFeed_time__Hw3Ke" datetime="2030-01-01T09:00:00.000Z">Jan 1, 2030 9:00 AM UTC</time>`
      + `<a class="ActivityFeed_copyLink__q8Lm1" href="${esc(emailLink)}">Copy Link</a></div></li>`);
  }
  const controls = !view ? '' : `<label class="ActivityFeed_filter__Tn3Vd">Filter activity `
    + `<select data-feed-filter><option value="all"${view.filter === 'all' ? ' selected' : ''}>All activity</option>`
    + `<option value="emails"${view.filter === 'emails' ? ' selected' : ''}>Emails only</option></select></label>`;
  const more = view && view.filter === 'all' && view.shown < data.calls.length
    ? `<button type="button" class="ActivityFeed_more__Kd8Qe" data-feed-more>Load older activity</button>` : '';

  return `<header class="LeadHeader_root__k3Pz8">`
    + `<h1 class="LeadHeader_name__Qm2dX">${esc(data.lead.display_name)}</h1>`
    + `<div class="LeadHeader_meta__9sLw1">${esc(data.lead.status_label)} · `
    + `${data.lead.contacts.map((c) => esc(c.name)).join(', ')}</div>`
    + `</header>`
    + `<section class="ActivityFeed_root__Vb81e" aria-label="${words.activity}">`
    + `<h2 class="ActivityFeed_heading__p1Zt6">${words.activity}</h2>`
    + controls
    + (items.length ? `<ul class="ActivityFeed_list__Rt4Lc">${items.join('')}</ul>`
      : `<p class="ActivityFeed_empty__Ge5hN">${words.empty}</p>`)
    + more
    + `</section>`;
}

/**
 * The inbox: no lead in its URL. With `links` (state.inboxLinks), a list of activities linked by id, in that order
 * (an email first, then a call, in the `closeAsItIs` seed), as Close's inbox links calls and emails of many leads.
 * @param {{ href: string, label: string }[]} [links]
 * @returns {string}
 */
export function renderInboxMain(links) {
  /** @param {unknown} v */
  const esc = (v) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const list = links && links.length
    ? `<ul class="Inbox_list__Qe3Rt">${links.map((l) => `<li class="Inbox_item__Zx8Lp"><a href="${esc(l.href)}">${esc(l.label)}</a></li>`).join('')}</ul>`
    : `<p class="Inbox_empty__Hn7Rt">You're all caught up. Pick a lead on the left.</p>`;
  return `<header class="InboxHeader_root__Pq2Lm"><h1 class="InboxHeader_title__Sd4Kx">Inbox</h1></header>` + list;
}
