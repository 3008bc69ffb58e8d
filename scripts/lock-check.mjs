// Is package-lock.json complete and in step with package.json? Used by test/unit/lock-file.test.ts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Optional dependencies the lock does not list: each one is a platform whose `npm ci` would
 * stop (rollup's native builds are the usual ones). npm resolves a package's dependency next to
 * it first, then up the tree to the top-level node_modules.
 */
export function missingOptionalEntries(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      const candidates = [];
      for (let dir = path; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
        candidates.push(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
        if (!dir) break;
      }
      if (!candidates.some((candidate) => candidate in packages)) missing.push(`${path || '(root)'} → ${name}`);
    }
  }
  return missing;
}

/**
 * What `npm ci` says of this pair, without installing anything: null when it would install,
 * else its complaint. Runs in a temporary folder so the project's node_modules is left alone.
 */
export function npmCiProblem(packageJson, lock) {
  const dir = mkdtempSync(join(tmpdir(), 'lock-check-'));
  try {
    writeFileSync(join(dir, 'package.json'), typeof packageJson === 'string' ? packageJson : JSON.stringify(packageJson));
    if (typeof lock === 'string') copyFileSync(lock, join(dir, 'package-lock.json'));
    else writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    const run = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return run.status === 0 ? null : `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.startsWith('npm error')).slice(0, 6).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
