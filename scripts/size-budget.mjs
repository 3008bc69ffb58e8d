// Byte budgets for the Chrome build: deterministic, so they may fail a test run (timings may
// not; they live in `npm run bench`, BENCHMARKS.md). Budgets hold today's size with a little
// headroom; lower them as the bundles shrink, never raise them without saying why.
import { resolve } from 'node:path';
import { extensionBytes } from './bench/bytes.mjs';

const OUT = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

// The content script runs on every Close page a rep opens, all day. Issue 6 asked for at most
// 14 KB gzip, with 10 KB as the goal; since the panel is loaded on the first open and the
// launcher is plain DOM it is about 6 KB (BENCHMARKS.md), and this budget keeps it there.
const BUDGETS_GZIP = {
  // Raised from 7 000 for issue 15 (the call being edited outlined in the feed, draft marks, the
  // notes where the launcher is: about 1.4 KB gzip) on top of issue 17's Calls to log tick; still
  // half of issue 6's 14 KB. Each part fit 7 000 alone; together they are about 7.2 KB.
  'content script (JS + CSS)': { part: 'contentScript', bytes: 7_300 },
  // Raised from 37 000 for issue 3 (the persistent outbox, retries and conflict checks) and
  // issue 5 (key redaction): about 3 KB gzip for saves that are never lost. Raised to 42 000 for
  // issues 11, 13 and 14 (about 2.3 KB gzip): cancel-final saves with alarm waits, saves tied to
  // their account, the key in IndexedDB with its one-time migration, ids confirmed as calls.
  // Raised to 44 000 for issue 17 (about 2.2 KB gzip): Calls to log's paged listing, its badge,
  // refresh rules and lead names, the Log calls tab handling and their checked messages.
  // Raised to 44 100 for issue 14's outcome hold and header-first 429 waits and issue 15's key-free
  // connection broadcast (together about 0.5 KB gzip past 44 000 on top of what fit before).
  // Raised to 45 300 for issue 14 point 3 (about 1.1 KB gzip): who changed a conflicting call from
  // the event log, and a note save of a call in progress waiting for it to end, then asking; and
  // to 45 450 for point 1 (about 0.15 KB gzip): calls.more, a lead's next page of calls by _skip.
  background: { part: 'background', bytes: 45_450 },
  // Loaded once per page, on the first open (and fetched in idle time before it). Issue 12 set
  // 115 KB for the rich-text editor (ProseMirror, about 68 KB gzip), its conversion code gone.
  // It keeps under it by running on the browser's own API object, like the content script
  // (scripts/content-browser-plugin.mjs), and on utils/local-item.ts instead of @wxt-dev/storage.
  // Raised to 117 200 for issue 15's placement (about 2.8 KB gzip): the panel kept clear of the
  // edited call's feed item at every window size, collapsing to its title bar, the Outcome list
  // opening upward, the Call control's whole option, and where the rep is in the run of calls.
  // Raised to 118 100 for issue 14's "Sending in N s" hold with Undo and the 503 Retry now, and
  // issue 15's live connection changes and the Call control's draft marks (about 0.9 KB gzip).
  // Raised to 119 100 for issue 14 point 3 (about 0.9 KB gzip): the conflict alert's who-changed-what
  // lines, the in-progress mark, the waiting note save with Save anyway / Keep waiting; to 120 300
  // for points 6 and 1 (about 1.05 KB gzip): the help's shortcut as the browser has it bound, and
  // the lead's calls page by page (More calls, Alt+Down and Save & next loading the next page
  // before deciding, the 500-call Call control's memoised options).
  'panel script (loaded on first open)': { part: 'panelScript', bytes: 120_300 },
};
const REPORTED = {};

const parts = extensionBytes(OUT);
let over = 0;
for (const [name, { part, bytes }] of Object.entries(BUDGETS_GZIP)) {
  const size = parts[part];
  const ok = !!size && size.gzip <= bytes;
  if (!ok) over++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${size ? `${size.raw} B raw, ${size.gzip} B gzip` : 'missing'} (budget ${bytes} B gzip)`,
  );
}
for (const [name, part] of Object.entries(REPORTED)) {
  const size = parts[part];
  if (size) console.log(`     ${name}: ${size.raw} B raw, ${size.gzip} B gzip (no budget)`);
}
process.exit(over ? 1 : 0);
