import type { BrowserName, Driver, DriverOptions } from './driver';

export * from './driver';

/**
 * The browser the scenarios run in: vitest.e2e.config.ts sets chromium, vitest.firefox.config.ts
 * firefox (E2E_BROWSER), so each scenario file in test/scenarios/ is written once and run in both.
 */
export const BROWSER: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

export async function startDriver(options: DriverOptions = {}): Promise<Driver> {
  if (BROWSER === 'firefox') return (await import('./firefox')).startFirefoxDriver(options);
  return (await import('./chromium')).startChromiumDriver(options);
}
