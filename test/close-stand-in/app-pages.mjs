// @ts-check
// A fake app.close.com, just close enough for the content script: lead pages with an activity feed whose "Copy Link"
// hrefs carry the call ids, generated-looking class names, and single-page navigation (pushState, no page load),
// always showing the current state so that saved edits appear.

import { escapeHtml } from './notes.mjs';
import { newestFirst } from './listing.mjs';
import { renderInboxMain, renderLeadMain } from './feed-render.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').StandInState} StandInState */
/** @typedef {import('./feed-render.mjs').LeadPageData} LeadPageData */

const LEAD_PAGE = /^\/lead\/([^/]+)\/?$/;
const LEAD_JSON = /^\/__stand-in\/lead\/([^/]+)\.json$/;

/**
 * A lead as the page shows it, or undefined if the logged-in user's organisation has no such lead.
 * @param {StandInState} state @param {string} leadId
 * @returns {LeadPageData | undefined}
 */
export function leadPageData(state, leadId) {
  const lead = state.leads.get(leadId);
  if (!lead || lead.organization_id !== state.organization.id) return undefined;
  const calls = [...state.calls.values()]
    .filter((c) => c.lead_id === lead.id && c.organization_id === lead.organization_id)
    .sort(newestFirst)
    .map(({ recording_deleted: _ours, ...call }) => call);
  const outcomes = Object.fromEntries([...state.outcomes.values()]
    .filter((o) => o.organization_id === lead.organization_id)
    .map((o) => [o.id, o.name]));
  const emails = [...(state.emails?.values() ?? [])].filter((e) => e.lead_id === lead.id)
    .map(({ id, subject, body_text, activity_at }) => ({ id, subject, body_text, activity_at }));
  const language = state.feedLanguage?.get(lead.id);
  return { lead, calls, outcomes, ...(language && { language }), ...(emails.length > 0 && { emails }) };
}

/**
 * The inbox's links (state.inboxLinks): each to the activity's lead page, labelled by what it is.
 * @param {StandInState} state
 */
export function inboxLinks(state) {
  return (state.inboxLinks ?? []).flatMap((id) => {
    const activity = state.calls.get(id) ?? state.emails?.get(id);
    if (!activity?.lead_id) return [];
    const label = 'subject' in activity ? String(activity.subject) : `Call with ${activity.phone ?? 'unknown'}`;
    return [{ href: `/lead/${activity.lead_id}/#activityId=${id}`, label }];
  });
}

/** @param {StandInState} state @param {string} currentPath */
function sidebar(state, currentPath) {
  /** @param {string} href @param {string} label */
  const link = (href, label) => `<a class="Sidebar_link__T5bn0" href="${escapeHtml(href)}"`
    + `${href === currentPath ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  const leads = [...state.leads.values()].filter((l) => l.organization_id === state.organization.id);
  return `<nav class="Sidebar_root__u2Nw8" aria-label="Main">`
    + `<div class="Sidebar_brand__Mx3Vb">Close</div>`
    + link('/inbox/', 'Inbox')
    + `<div class="Sidebar_section__Rk8Tz">Leads</div>`
    + leads.map((l) => link(`/lead/${l.id}/`, l.display_name)).join('')
    + `</nav>`;
}

const STYLE = `
body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#1f2933;background:#f5f7fa}
.App_root__G7kP2{display:flex;min-height:100vh}
.Sidebar_root__u2Nw8{width:220px;background:#14213d;color:#fff;padding:16px 0;flex:none}
.Sidebar_brand__Mx3Vb{font-weight:700;font-size:18px;padding:0 16px 16px}
.Sidebar_section__Rk8Tz{opacity:.6;text-transform:uppercase;font-size:11px;padding:16px 16px 4px}
.Sidebar_link__T5bn0{display:block;color:#dbe4f0;text-decoration:none;padding:6px 16px}
.Sidebar_link__T5bn0[aria-current=page]{background:#22365e;color:#fff}
.App_main__b8Yq1{flex:1;padding:24px 32px;max-width:860px}
.LeadHeader_name__Qm2dX{margin:0 0 4px;font-size:24px}.LeadHeader_meta__9sLw1{color:#616e7c}
.ActivityFeed_list__Rt4Lc{list-style:none;padding:0}
.ActivityFeed_item__x7Gh2{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:12px 16px;margin:0 0 10px}
.ActivityFeed_header__Lp02s{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.ActivityFeed_kind__Zr5mQ{font-weight:600}.ActivityFeed_time__Hw3Ke{color:#616e7c;margin-left:auto}
.ActivityFeed_copyLink__q8Lm1{font-size:12px;color:#2680c2}
.CallDetails_row__e4Rb9{display:flex;gap:12px;color:#52606d;font-size:13px;margin:4px 0}
.ActivityFeed_note__mN4sB{white-space:pre-wrap;margin-top:6px}
/* Close's "System" appearance: the app follows the operating system's colour scheme. */
@media (prefers-color-scheme: dark){
body{color:#e4e7eb;background:#181b24}
.ActivityFeed_item__x7Gh2{background:#1e2330;border-color:#323a4a}
.LeadHeader_meta__9sLw1,.ActivityFeed_time__Hw3Ke,.CallDetails_row__e4Rb9{color:#9aa5b1}
.ActivityFeed_copyLink__q8Lm1{color:#7cc4fa}
}
`;

/**
 * In-app navigation: nav clicks push a history entry and re-render <main> from the JSON endpoint, without a load.
 * `window.__standInRefresh()` re-renders the current view from fresh data (tests call it after a PUT).
 */
function clientScript() {
  return `(function () {
  var renderLeadMain = ${String(renderLeadMain)};
  var renderInboxMain = ${String(renderInboxMain)};
  var main = document.querySelector('main');
  var generation = 0;
  var data = null; // the lead on screen, as last fetched
  var view; // the lazy feed's state (feed-render.mjs), on pages opened with ?feed=lazy
  function feedView() {
    return /[?&]feed=lazy(&|$)/.test(location.search) ? { shown: 1, filter: 'all' } : undefined;
  }
  function markCurrent() {
    document.querySelectorAll('nav a').forEach(function (a) {
      if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }
  function show() {
    var mine = ++generation;
    markCurrent();
    var m = /^\\/lead\\/([^/]+)\\/?$/.exec(location.pathname);
    if (!m) {
      main.innerHTML = renderInboxMain();
      document.title = 'Inbox | Close';
      return Promise.resolve();
    }
    return fetch('/__stand-in/lead/' + m[1] + '.json', { cache: 'no-store' }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (fetched) {
      if (mine !== generation) return; // a later navigation won the race
      data = fetched;
      if (!data) {
        main.innerHTML = '<h1 class="NotFound_title__Vd3Qa">Lead not found</h1>';
        document.title = 'Not found | Close';
        return;
      }
      main.innerHTML = renderLeadMain(data, view);
      document.title = data.lead.display_name + ' | Close';
    });
  }
  // The lazy feed: older calls are added to the list (new nodes, the rest untouched); a filter renders it anew.
  document.addEventListener('click', function (event) {
    var more = event.target instanceof Element ? event.target.closest('[data-feed-more]') : null;
    if (!more || !view || !data) return;
    view.shown++;
    var fresh = document.createElement('div');
    fresh.innerHTML = renderLeadMain(data, view);
    var added = fresh.querySelectorAll('li');
    main.querySelector('ul').append(added[added.length - 1]);
    if (!fresh.querySelector('[data-feed-more]')) more.remove();
  });
  document.addEventListener('change', function (event) {
    var filter = event.target instanceof Element ? event.target.closest('[data-feed-filter]') : null;
    if (!filter || !view || !data) return;
    view.filter = filter.value;
    main.innerHTML = renderLeadMain(data, view);
    var again = main.querySelector('[data-feed-filter]');
    if (again) again.focus();
  });
  document.addEventListener('click', function (event) {
    var a = event.target instanceof Element ? event.target.closest('nav a') : null;
    if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (a.getAttribute('href') !== location.pathname) history.pushState({}, '', a.getAttribute('href'));
    view = feedView();
    show();
  });
  window.addEventListener('popstate', function () {
    view = feedView();
    show();
  });
  window.__standInRefresh = show;
  view = feedView();
  if (view) show();
})();`;
}

/**
 * @param {StandInState} state @param {string} path @param {string} title @param {string} mainHtml
 */
function page(state, path, title, mainHtml) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><div id="root" class="App_root__G7kP2">${sidebar(state, path)}<main class="App_main__b8Yq1">${mainHtml}</main></div>
<script>${clientScript()}</script></body></html>`;
}

/** @param {number} status @param {string} body @returns {Reply} */
const html = (status, body) => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, text: body });

/**
 * @param {{ state: StandInState, method: string, path: string }} r
 * @returns {Reply}
 */
export function handleApp({ state, method, path }) {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { 'content-type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' }, text: 'Method Not Allowed' };
  }
  // Browsers ask for it on every page; a 404 would put an error in the console that tests may watch.
  if (path === '/favicon.ico') return { status: 204, text: '' };
  const json = LEAD_JSON.exec(path);
  if (json) {
    const data = leadPageData(state, json[1] ?? '');
    return data ? { status: 200, json: data } : { status: 404, json: { error: 'Lead not found' } };
  }
  if (path === '/' || path === '/inbox/' || path === '/inbox') {
    return html(200, page(state, '/inbox/', 'Inbox | Close', renderInboxMain(inboxLinks(state))));
  }
  const lead = LEAD_PAGE.exec(path);
  const data = lead ? leadPageData(state, lead[1] ?? '') : undefined;
  if (data) return html(200, page(state, path, `${data.lead.display_name} | Close`, renderLeadMain(data)));
  return html(404, page(state, path, 'Not found | Close', '<h1 class="NotFound_title__Vd3Qa">Page not found</h1>'));
}
