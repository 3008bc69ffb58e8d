// Byte budgets for the Chrome build: deterministic, so they may fail a test run (timings may
// not; they live in benchmarks). Budgets hold today's size with a little headroom; lower them as
// the bundles shrink, never raise them without saying why.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';
const BUDGETS_GZIP = {
  'content script (JS + CSS)': { files: (f) => f.startsWith('content-scripts/'), bytes: 34_000 },
  background: { files: (f) => f === 'background.js', bytes: 37_000 },
};

const files = (dir, prefix = '') =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );

const all = files(OUT).filter((f) => /\.(js|css)$/.test(f));
let over = 0;
for (const [name, { files: pick, bytes }] of Object.entries(BUDGETS_GZIP)) {
  const content = Buffer.concat(all.filter(pick).map((f) => readFileSync(join(OUT, f))));
  const gzip = gzipSync(content, { level: 9 }).length;
  const ok = gzip <= bytes;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${content.length} B raw, ${gzip} B gzip (budget ${bytes} B gzip)`);
}
process.exit(over ? 1 : 0);
