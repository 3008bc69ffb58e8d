// Byte accounting for a built extension: which files make up the content script, the lazily
// loaded panel, the background and the popup, raw and gzip. Shared by `npm run bench` and the
// byte budgets that `npm test` asserts (scripts/size-budget.mjs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it. */
export const listFiles = (dir, prefix = '') =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );

/** Raw and gzip (level 9) bytes of some files taken together, as a browser or store would ship them. */
export function measure(dir, files) {
  const content = Buffer.concat(files.map((f) => readFileSync(join(dir, f))));
  return { files, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** The files an HTML page loads, following script/link tags and static JS imports. */
function pageFiles(dir, page) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    const refs = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1])
      : [...text.matchAll(/(?:from\s*|import\s*\(?\s*)["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]);
    for (const ref of refs) visit(normalize(ref.startsWith('/') ? ref.slice(1) : join(dirname(file), ref)));
  };
  visit(page);
  return [...seen];
}

/**
 * The parts of a Chrome build. The content script is what runs on every Close page: the files the
 * manifest lists (JS + CSS). The panel script is web-accessible and loaded on the first open.
 */
export function extensionBytes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const contentFiles = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const lazyFiles = (manifest.web_accessible_resources ?? [])
    .flatMap((w) => (typeof w === 'string' ? [w] : w.resources))
    .filter((f) => /\.(js|css)$/.test(f) && existsSync(join(dir, f)));
  const worker = manifest.background?.service_worker;
  const popup = manifest.action?.default_popup;
  return {
    contentScript: measure(dir, contentFiles),
    ...(lazyFiles.length && { panelScript: measure(dir, lazyFiles) }),
    ...(worker && { background: measure(dir, [worker]) }),
    ...(popup && { popup: measure(dir, pageFiles(dir, popup)) }),
  };
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
