// Installs the npm packages when they are missing or older than package-lock.json, using only
// Node's standard library, so `npm start` and `npm test` work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  // `npm ci`: exactly what package-lock.json says, and the lock is never rewritten, so a fresh
  // clone ends with a clean `git status`. It fails (instead of guessing) when the lock and
  // package.json disagree; test/unit/lock-file.test.ts catches that before it reaches anyone.
  console.log('Installing npm packages (npm ci, from package-lock.json)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
