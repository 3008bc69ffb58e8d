// Checks what `npm run zip` makes, as the stores and their reviewers will use it: a Chrome Web
// Store zip (MV3), a Firefox add-on zip (MV2, with its gecko settings) and a Firefox sources
// zip that, unpacked into an empty folder, installed with `npm ci` and built, gives the add-on
// zip's files byte for byte. Works in temporary folders only: .output is left alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { readZip } from './read-zip.mjs';

const work = mkdtempSync(join(tmpdir(), 'close-quick-edit-zip-'));
const out = join(work, 'out');
const rebuilt = join(work, 'sources');
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
  if (ok) passed++;
  else failed++;
  return ok;
}

function run(command, args, { cwd = process.cwd(), env = process.env } = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}${cwd === process.cwd() ? '' : `   (in ${cwd})`}`);
  return spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status === 0;
}

/** Every file under `dir`, relative, with forward slashes (as zip entries are named). */
function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), base)
      : [relative(base, join(dir, entry.name)).split('\\').join('/')],
  );
}

try {
  // The same command a release uses, with its output sent to our own folder.
  const zipped = run('npm', ['run', 'zip'], { env: { ...process.env, WXT_OUT_DIR: out } });
  check('npm run zip succeeds', zipped);
  const names = zipped ? readdirSync(out).filter((name) => name.endsWith('.zip')).sort() : [];
  const find = (suffix) => names.find((name) => name.endsWith(suffix));
  check('it makes exactly a Chrome zip, a Firefox zip and a sources zip', names.length === 3 && ['-chrome.zip', '-firefox.zip', '-sources.zip'].every(find), names.join(', '));

  const chromeZip = find('-chrome.zip') && readZip(join(out, find('-chrome.zip')));
  const chromeManifest = chromeZip?.get('manifest.json') && JSON.parse(chromeZip.get('manifest.json').toString());
  check('the Chrome zip holds an MV3 manifest with a service worker', chromeManifest?.manifest_version === 3 && !!chromeManifest.background?.service_worker);

  const firefoxZip = find('-firefox.zip') && readZip(join(out, find('-firefox.zip')));
  const firefoxManifest = firefoxZip?.get('manifest.json') && JSON.parse(firefoxZip.get('manifest.json').toString());
  const gecko = firefoxManifest?.browser_specific_settings?.gecko;
  check('the Firefox zip holds the MV2 build we ship', firefoxManifest?.manifest_version === 2);
  check(
    'the Firefox manifest has a stable id, strict_min_version and "no data collected"',
    typeof gecko?.id === 'string' && /^\d+\.\d+$/.test(gecko?.strict_min_version ?? '') &&
      JSON.stringify(gecko?.data_collection_permissions) === JSON.stringify({ required: ['none'] }),
    JSON.stringify(gecko),
  );

  const sourcesZip = find('-sources.zip') && readZip(join(out, find('-sources.zip')));
  const sourceNames = [...(sourcesZip?.keys() ?? [])];
  const required = ['package.json', 'package-lock.json', 'wxt.config.ts', 'docs/store/building-from-source.md'];
  check('the sources zip has the lockfile, the config and the build instructions', required.every((name) => sourcesZip?.has(name)), required.filter((name) => !sourcesZip?.has(name)).join(', '));
  const unwanted = sourceNames.filter((name) => /(^|\/)(node_modules|\.output)\//.test(name) || /(^|\/)\./.test(name) || name.endsWith('.zip'));
  check('the sources zip holds no dependencies, builds, archives or dotfiles', sourcesZip !== undefined && unwanted.length === 0, unwanted.slice(0, 5).join(', '));

  if (sourcesZip && firefoxZip) {
    for (const [name, content] of sourcesZip) {
      mkdirSync(dirname(join(rebuilt, name)), { recursive: true });
      writeFileSync(join(rebuilt, name), content);
    }
    // A reviewer's machine: nothing but the zip. WXT_OUT_DIR is ours, not theirs.
    const { WXT_OUT_DIR: _ours, ...env } = process.env;
    // What building-from-source.md tells a reviewer: `npm ci`, exactly the locked versions.
    const installed = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: rebuilt, env });
    const built = installed && run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: rebuilt, env });
    check('the sources install and build in an empty folder', built);
    if (built) {
      const dir = join(rebuilt, '.output', 'firefox-mv2');
      const files = filesUnder(dir).sort();
      const shipped = [...firefoxZip.keys()].sort();
      const missing = shipped.filter((name) => !files.includes(name));
      const extra = files.filter((name) => !firefoxZip.has(name));
      const different = shipped.filter((name) => files.includes(name) && !readFileSync(join(dir, name)).equals(firefoxZip.get(name)));
      check(
        `the rebuild matches the Firefox zip byte for byte (${shipped.length} files)`,
        missing.length + extra.length + different.length === 0,
        [`missing ${missing}`, `extra ${extra}`, `different ${different}`].filter((s) => !s.endsWith(' ')).join('; '),
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nzip check: ${passed} of ${passed + failed} checks passed`);
process.exit(failed === 0 ? 0 : 1);
