// Finds a Firefox to drive, installing Debian's `firefox-esr` where apt-get can, so the Firefox
// tests need nothing but Node and npm.
import { existsSync } from 'node:fs';
import { aptInstall } from './chromium.mjs';

// ESR first: it is what the tests are written against, and (like Developer Edition and
// Nightly) it can also be told to accept an unsigned add-on permanently.
const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox Developer Edition.app/Contents/MacOS/firefox',
  '/Applications/Firefox Nightly.app/Contents/MacOS/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** A Firefox path, installing Debian's firefox-esr if there is none and we can. */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  if (aptInstall(['firefox-esr'])) {
    const installed = findFirefox();
    if (installed) return installed;
  }
  throw new Error(
    'No Firefox found. Install Firefox ESR (Debian/Ubuntu: "sudo apt-get install firefox-esr"; macOS: Firefox ' +
      'Developer Edition or Nightly) or set FIREFOX_PATH to its executable, then run this again.',
  );
}
