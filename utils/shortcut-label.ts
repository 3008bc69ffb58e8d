import { OPEN_PANEL_COMMAND } from './command';

// The open-panel shortcut as the browser has it bound now (issue 14): the rep may have changed it,
// or the browser may have left it unset (another extension had it). Everything that names the
// shortcut (the launcher's tooltip, the panel's help, the popup) goes through here, so none
// shows Alt+Shift+K when that is not what works.

/** What `browser.commands.getAll()` gives, as far as we read it. */
export interface BoundCommand {
  name?: string;
  shortcut?: string;
}

/** The open-panel command's shortcut, or '' when it is not set (Chrome reports '' then, Firefox may leave it out). */
export function boundShortcut(commands: readonly BoundCommand[] | undefined): string {
  return commands?.find((command) => command.name === OPEN_PANEL_COMMAND)?.shortcut?.trim() ?? '';
}

/** Where the rep changes it: Chrome has a page for it; Firefox a menu in the add-ons manager. */
export type ShortcutBrowser = 'chrome' | 'firefox';

/** The locale key that says how to change the shortcut in this browser. */
export function howToChangeKey(browser: ShortcutBrowser): 'shortcut.changeFirefox' | 'shortcut.changeChrome' {
  return browser === 'firefox' ? 'shortcut.changeFirefox' : 'shortcut.changeChrome';
}

/** The browser this build is for (WXT sets FIREFOX at build time). */
export const THIS_BROWSER: ShortcutBrowser = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

export interface ShortcutWords {
  /** Shown in place of the keys when the browser left the command unset. */
  notSet: string;
  /** How to change it in this browser. */
  howToChange: string;
}

/** The keys to show (or the "not set" words) and how to change them, e.g. for a tooltip. */
export function shortcutLabel(shortcut: string, words: ShortcutWords): { keys: string; isSet: boolean; howToChange: string } {
  return { keys: shortcut || words.notSet, isSet: shortcut !== '', howToChange: words.howToChange };
}
