import { browser } from 'wxt/browser';
import { boundShortcut, type BoundCommand } from '../shortcut-label';

/**
 * `shortcut.get`: the command's shortcut as the browser has it bound now ('' when not set).
 * Content scripts cannot call browser.commands; extension pages (the popup) may call this directly.
 */
export async function currentShortcut(
  getAll: () => Promise<BoundCommand[]> = () => browser.commands.getAll(),
): Promise<{ shortcut: string }> {
  try {
    return { shortcut: boundShortcut(await getAll()) };
  } catch {
    return { shortcut: '' }; // a browser without the commands API: nothing is bound
  }
}
