// Installs the npm packages when they are missing or older than package-lock.json, using only
// Node's standard library, so `npm start` and `npm test` work on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  // Not `npm ci`: the registry these machines reach has no builds of rollup's native package
  // for other platforms, so the lock file cannot list them and `npm ci` refuses it as out of
  // sync. `npm install` installs exactly the locked versions for this platform.
  console.log('Installing npm packages (npm install, from package-lock.json)…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
