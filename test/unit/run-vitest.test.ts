// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST, readAllowlist, reportCounts, skippedTests, unlistedSkips } from '../../scripts/run-vitest.mjs';

// How every test script counts and when a skip fails a CI run (scripts/run-vitest.mjs).

const report = {
  numPassedTests: 2,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 1,
  testResults: [
    {
      name: '/repo/a.test.ts',
      status: 'failed',
      assertionResults: [
        { fullName: 'a passes', status: 'passed' },
        { fullName: 'a fails', status: 'failed' },
        { fullName: 'a skips', status: 'skipped' },
      ],
    },
    { name: '/repo/b.test.ts', status: 'passed', assertionResults: [{ fullName: 'b later', status: 'todo' }, { fullName: 'b ok', status: 'passed' }] },
    { name: '/repo/broken.test.ts', status: 'failed', assertionResults: [] },
  ],
};

describe('run-vitest', () => {
  it('counts skips and todos as skipped, and a file that failed to load as a failure', () => {
    expect(reportCounts(report)).toEqual({ passed: 2, failed: 2, skipped: 2 });
    expect(skippedTests(report, '/repo')).toEqual(['a.test.ts > a skips', 'b.test.ts > b later']);
  });

  it('under CI a skip fails unless the allowlist names it; an entry needs a reason', () => {
    const allow = new Map([['a.test.ts > a skips', 'needs a GPU']]);
    expect(unlistedSkips(['a.test.ts > a skips', 'b.test.ts > b later'], allow)).toEqual(['b.test.ts > b later']);
    const dir = mkdtempSync(join(tmpdir(), 'allowlist-'));
    try {
      writeFileSync(join(dir, 'a.json'), JSON.stringify({ skips: [{ test: 'x > y', reason: ' ' }] }));
      expect(() => readAllowlist(join(dir, 'a.json'))).toThrow(/reason/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the project’s allowlist is valid, and lists nothing: on our machines no test needs to skip', () => {
    expect(readAllowlist(ALLOWLIST).size).toBe(0);
    expect(JSON.parse(readFileSync(ALLOWLIST, 'utf8')).skips).toEqual([]);
  });

  it('a real run with a skipped test: counted, and under CI=true it fails the run', () => {
    const run = (ci: boolean) =>
      spawnSync('node', ['scripts/run-vitest.mjs', '--config', 'test/unit/fixtures/vitest.fixture.config.ts'], {
        encoding: 'utf8',
        env: { ...process.env, CI: ci ? 'true' : '' },
      });
    const local = run(false);
    expect(local.stdout).toMatch(/\n1 passed, 0 failed, 1 skipped\n/);
    expect(local.status).toBe(0);
    const ci = run(true);
    expect(ci.stdout).toContain('one-skip.fixture.ts > is skipped');
    expect(ci.stdout).toMatch(/\n1 passed, 1 failed, 1 skipped\n/);
    expect(ci.status).toBe(1);
  }, 60_000);
});
