import { X509Certificate } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export const CLOSE_HOSTS = ['app.close.com', 'api.close.com'] as const;
const STAND_IN_CERT = new URL('../close-stand-in/certs/cert.pem', import.meta.url);

/**
 * A fresh profile that trusts the stand-in's certificate for the two Close hosts only, the way
 * "Accept the risk and continue" does (cert_override.txt). Adding it to the certificate store
 * instead is refused: it is a self-signed CA certificate used as a server certificate.
 */
export function createProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'close-quick-edit-firefox-'));
  // A copy of the suite's started profile (profile-template.ts), where there is one; not its
  // lock, which a running Firefox would hold.
  const template = inject('firefoxProfileTemplate');
  if (template) cpSync(template, profile, { recursive: true, filter: (path) => !/(?:^|\/)\.?(?:parent)?lock$/.test(path) });
  const fingerprint = new X509Certificate(readFileSync(STAND_IN_CERT)).fingerprint256;
  const overrides = CLOSE_HOSTS.map((host) => `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint}\t`);
  writeFileSync(join(profile, 'cert_override.txt'), `${overrides.join('\n')}\n`);
  return profile;
}

/**
 * Preferences: the Close hosts go through the loopback proxy (everything else stays direct,
 * and the network here reaches nothing else), and the add-on gets a known internal UUID so
 * its pages have fixed moz-extension:// URLs.
 */
export function firefoxPrefs({ proxyPort, addonId, uuid }: { proxyPort: number; addonId: string; uuid: string }) {
  const hosts = CLOSE_HOSTS.map((host) => `host == "${host}"`).join(' || ');
  const pac = `function FindProxyForURL(url, host) { return (${hosts}) ? "PROXY 127.0.0.1:${proxyPort}" : "DIRECT"; }`;
  return {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pac)}`,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Nothing on these machines should try the outside network.
    'app.update.auto': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'extensions.getAddons.showPane': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // The Navigation API, on by default from Firefox 147; ESR 140 has it behind this pref. The
    // tests run with it as current Firefox does; navigation-fallback.e2e.test.ts turns it off.
    'dom.navigation.webidl.enabled': true,
  };
}
