// `npm test`: everything, in the order that fails fastest. Installs what is missing first
// (npm packages, Debian's chromium), then prints one closing line: "N passed, N failed, N skipped".
// Each vitest suite runs through scripts/run-vitest.mjs, as its own npm script does: skips are
// counted, and under CI=true one not listed in test/skip-allowlist.json fails the run.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNodeModules } from './deps.mjs';
import { ensureChromium, ensureVirtualDisplay } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const started = Date.now();
const results = [];
const reports = mkdtempSync(join(tmpdir(), 'close-quick-edit-test-'));

function step(name, command, args, { count } = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = run.status === 0;
  const counted = { skipped: 0, ...(count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }) };
  if (!ok && counted.failed === 0) counted.failed = 1; // a crash with no report is still a failure
  results.push({ name, ok, seconds: (Date.now() - t0) / 1000, ...counted });
  return ok;
}

/**
 * Steps run side by side, each into its own log, printed whole when all are done: the two
 * browsers' end-to-end suites spend most of their time waiting (on the stand-in, on timers a
 * scenario sets), so on 2 cores they take little longer together than the longer one alone.
 */
async function together(steps) {
  const runs = steps.map(({ name, command, args, env = {}, count }) => {
    const t0 = Date.now();
    const log = join(reports, `${results.length}-${name.replace(/\W+/g, '-')}.log`);
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')} (alongside; its output follows when it ends)`);
    const out = createWriteStream(log);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...env } });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    // Timed to the suite's own exit: a browser or Xvfb it left behind may hold the pipes open
    // longer, and is not waited for beyond a few seconds.
    return new Promise((done) =>
      child.on('exit', (status) => {
        const seconds = (Date.now() - t0) / 1000;
        let finished = false;
        const finish = () => !finished && ((finished = true), out.end(() => done({ name, status, log, count, seconds })));
        const late = setTimeout(() => (child.stdout.destroy(), child.stderr.destroy(), finish()), 5_000);
        child.on('close', () => (clearTimeout(late), finish()));
      }),
    );
  });
  for (const { name, status, log, count, seconds } of await Promise.all(runs)) {
    console.log(`\n▶ ${name} (ran alongside):`);
    console.log(readFileSync(log, 'utf8'));
    const ok = status === 0;
    const counted = { skipped: 0, ...(count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }) };
    if (!ok && counted.failed === 0) counted.failed = 1;
    results.push({ name, ok, seconds, ...counted });
  }
}

/** Counts run-vitest.mjs wrote from vitest's JSON report, so the closing line counts tests, not steps. */
const vitestCounts = (file) => () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 0 });
/** A vitest suite (its config, or the unit tests' default one) through run-vitest.mjs. */
const vitestSuite = (name, report, config) =>
  step(name, 'node', ['scripts/run-vitest.mjs', ...(config ? ['--config', config] : []), '--counts', report], {
    count: vitestCounts(report),
  });

/** web-ext lint: 0 errors is the bar (warnings are reported, not failed on). */
const lintCounts = (file) => () => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const { summary } = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`web-ext lint: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`);
  return summary.errors === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
};

ensureNodeModules();
const chrome = ensureChromium();
if (!ensureVirtualDisplay())
  console.log('Xvfb or xdotool missing and not installable here: the real-shortcut tests will be skipped (and fail the run under CI=true).');
process.env.CHROME_PATH ??= chrome;

const npx = 'npx';
const unitReport = join(reports, 'unit.json');
const e2eReport = join(reports, 'e2e.json');
const lintReport = join(reports, 'lint.json');

// Types generated from the sources (locales/*.yml, entrypoints) before they are checked.
spawnSync(npx, ['wxt', 'prepare'], { stdio: 'inherit' });
step('typecheck', npx, ['tsc', '--noEmit']);
vitestSuite('unit tests (happy-dom; sanitiser, paste and note tests in jsdom)', unitReport);
const built = step('build for Chrome', npx, ['wxt', 'build']);
step('build for Firefox', npx, ['wxt', 'build', '-b', 'firefox']);
step('build for Firefox (MV3, not shipped: README)', npx, ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('size budget', 'node', ['scripts/size-budget.mjs']);
spawnSync('sh', ['-c', `npx web-ext lint --source-dir .output/firefox-mv2 --output json > ${lintReport}`], {
  stdio: 'inherit',
});
results.push({ name: 'web-ext lint (Firefox build)', seconds: 0, skipped: 0, ...lintCounts(lintReport)() });
results.at(-1).ok = results.at(-1).failed === 0;
const suite = (name, report, config, env = {}) => ({
  name,
  command: 'node',
  args: ['scripts/run-vitest.mjs', '--config', config, '--counts', report],
  env,
  count: vitestCounts(report),
});
const browserSuites = [];
// Chromium's suite is the longer one (43 files to Firefox's 25): two of its files at a time.
if (built) browserSuites.push(suite('end-to-end tests (Chromium, production build)', e2eReport, 'vitest.e2e.config.ts', { E2E_WORKERS: '2' }));
// Firefox: the shipped MV2 build in Debian's firefox-esr over WebDriver BiDi, plus its lint check.
let firefox;
try {
  firefox = ensureFirefox();
} catch (error) {
  console.log(`\n${error.message}`);
  results.push({ name: 'Firefox (not found, not installable)', ok: false, seconds: 0, passed: 0, failed: 1, skipped: 0 });
}
if (firefox && existsSync('.output/firefox-mv2/manifest.json')) {
  process.env.FIREFOX_PATH ??= firefox;
  const firefoxReport = join(reports, 'firefox.json');
  browserSuites.push(suite('end-to-end tests (Firefox ESR, shipped build) and web-ext lint warnings', firefoxReport, 'vitest.firefox.config.ts'));
}
await together(browserSuites);
step('store zips: npm run zip, and a rebuild from the Firefox sources zip', 'node', ['scripts/zip-check.mjs']);
rmSync(reports, { recursive: true, force: true });

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${r.seconds.toFixed(1)} s)`);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
