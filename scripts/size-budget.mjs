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
  'content script (JS + CSS)': { part: 'contentScript', bytes: 7_000 },
  // Raised from 37 000 for issue 3 (the persistent outbox, retries and conflict checks) and
  // issue 5 (key redaction): about 3 KB gzip for saves that are never lost.
  background: { part: 'background', bytes: 40_000 },
  // Loaded once per page, on the first open (and fetched in idle time before it). Issue 12 set
  // 115 KB for the rich-text editor (ProseMirror, about 65 KB gzip), its conversion code gone.
  'panel script (loaded on first open)': { part: 'panelScript', bytes: 115_000 },
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
