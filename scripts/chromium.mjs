// Finds a Chromium to drive, installing Debian's `chromium` where apt-get can. Used by the
// demo, the tests and CI, so a fresh machine needs nothing but Node and npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Installs Debian packages where apt-get can (as root or with sudo); false where it cannot. */
export function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!hasCommand('apt-get') || !(isRoot || hasCommand('sudo'))) return false;
  console.log(`Installing Debian packages: ${packages.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (...args) =>
    execFileSync(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['apt-get', ...args], { stdio: 'inherit', env });
  aptGet('update', '-qq');
  aptGet('install', '-y', '-qq', ...packages);
  return true;
}

/** A Chromium path, installing Debian's package if there is none and we can. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (aptInstall(['chromium'])) {
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: "sudo apt-get install chromium"; macOS: install ' +
      'Google Chrome or Chromium) or set CHROME_PATH to its executable, then run this again.',
  );
}

/** Flags every run needs on these machines (BROWSER-TESTING.md): no calls to outside hosts. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-default-browser-check',
];

/** Chromium's flags that send app.close.com and api.close.com to the local stand-in. */
export const standInFlags = (port) => [
  `--host-resolver-rules=MAP app.close.com 127.0.0.1:${port}, MAP api.close.com 127.0.0.1:${port}`,
  '--ignore-certificate-errors',
];

/** Running as root (CI, containers) Chromium needs --no-sandbox. */
export const sandboxFlags = () => (typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []);

/**
 * Xvfb and xdotool, for the one test that presses the real browser shortcut (a Playwright key
 * press never reaches browser-level shortcuts). True when both are there.
 */
export function ensureVirtualDisplay() {
  if (hasCommand('Xvfb') && hasCommand('xdotool')) return true;
  if (process.platform === 'linux') aptInstall(['xvfb', 'xdotool']);
  return hasCommand('Xvfb') && hasCommand('xdotool');
}

export { hasCommand };
