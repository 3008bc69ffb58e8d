import type { Outcome } from './close/schemas';

/** The digit of Alt+1…9 from the physical key (`Digit1`…, `Numpad1`…): on macOS Option+digit changes `key`. */
const SHORTCUT_CODE = /^(?:Digit|Numpad)([1-9])$/;

/** Which of the first nine outcomes Alt+N picks (1-based, in list order; "No outcome" is not counted). */
export function shortcutDigit(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>) {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const digit = SHORTCUT_CODE.exec(event.code)?.[1];
  return digit ? Number(digit) : undefined;
}

/**
 * The outcome Alt+1…Alt+9 picks in the panel, or undefined when the key press is not such a
 * shortcut. Only a real key press counts: a script on Close's page can reach our open shadow
 * root and dispatch key events, and must not change the call (SECURITY.md). Shift is left out so
 * that Alt+Shift+… stays free for the browser's and the extension's own commands.
 */
export function outcomeForShortcut<O extends Pick<Outcome, 'id'>>(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isTrusted'>,
  outcomes: readonly O[],
): O | undefined {
  if (!event.isTrusted) return undefined;
  const digit = shortcutDigit(event);
  return digit === undefined ? undefined : outcomes[digit - 1];
}

/** The shortcut shown next to an outcome in the list: `1`…`9` for the first nine, else nothing. */
export const shortcutNumberOf = (index: number): number | undefined => (index >= 0 && index < 9 ? index + 1 : undefined);
