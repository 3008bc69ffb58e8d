// One vitest suite as `npm run test:*` and `npm test` run it: its own exit code, a closing
// "N passed, N failed, N skipped" line counted from vitest's JSON report, and, under CI=true,
// a failure for every skipped test that test/skip-allowlist.json does not list with its reason.
//
//   node scripts/run-vitest.mjs [--config file] [--counts out.json] [vitest args, e.g. files]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ALLOWLIST = 'test/skip-allowlist.json';

/** Skipped (or todo) tests of a vitest JSON report, as "file > full name". */
export function skippedTests(report, root = process.cwd()) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => ['skipped', 'pending', 'todo'].includes(test.status))
      .map((test) => `${relative(root, file.name)} > ${test.fullName}`),
  );
}

/** Counts of a vitest JSON report; a file that failed to load counts as one failure. */
export function reportCounts(report) {
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** The allowlist's entries; an entry without a reason is an error, not a pass. */
export function readAllowlist(file = ALLOWLIST) {
  const entries = JSON.parse(readFileSync(file, 'utf8')).skips;
  if (!Array.isArray(entries)) throw new Error(`${file}: "skips" must be a list.`);
  for (const entry of entries) {
    if (typeof entry?.test !== 'string' || typeof entry?.reason !== 'string' || !entry.reason.trim())
      throw new Error(`${file}: every entry needs "test" and a "reason": ${JSON.stringify(entry)}`);
  }
  return new Map(entries.map((entry) => [entry.test, entry.reason]));
}

/** The skips that fail a CI run: those not listed. */
export const unlistedSkips = (skipped, allowlist) => skipped.filter((name) => !allowlist.has(name));

function main(argv) {
  const args = [...argv];
  const take = (flag) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args.splice(at, 2)[1];
  };
  const config = take('--config');
  const countsFile = take('--counts');
  const dir = mkdtempSync(join(tmpdir(), 'close-quick-edit-vitest-'));
  const reportFile = join(dir, 'report.json');
  const run = spawnSync(
    'npx',
    ['vitest', 'run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args],
    { stdio: 'inherit' },
  );
  let counts = { passed: 0, failed: 1, skipped: 0 }; // no report: vitest itself broke
  let unlisted = [];
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    counts = reportCounts(report);
    const skipped = skippedTests(report);
    if (skipped.length) console.log(`\nSkipped:\n${skipped.map((name) => `  ${name}`).join('\n')}`);
    if (process.env.CI === 'true') {
      unlisted = unlistedSkips(skipped, readAllowlist());
      if (unlisted.length) console.log(`\nCI=true: skipped without a reason in ${ALLOWLIST} (each fails the run):\n${unlisted.map((n) => `  ${n}`).join('\n')}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  counts.failed += unlisted.length;
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // vitest failed without a failing test
  if (countsFile) writeFileSync(countsFile, JSON.stringify(counts));
  console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts.failed === 0 && run.status === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main(process.argv.slice(2)));
