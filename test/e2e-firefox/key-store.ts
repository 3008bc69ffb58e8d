import { readKeyStore } from '../e2e/key-store-world';
import type { FirefoxHarness } from './harness';

/**
 * The key store's record in the add-on's IndexedDB, read from one of its own pages (same
 * origin as the background page, so the same database).
 */
export async function keyStoreOf(harness: FirefoxHarness): Promise<{ exists: boolean; value?: unknown }> {
  const page = await harness.openExtensionPage('popup.html');
  try {
    return await page.evaluate(readKeyStore);
  } finally {
    await page.close();
  }
}
