import { describe, expect, it } from 'vitest';
import { outcomeForShortcut, shortcutNumberOf } from './outcome-shortcut';
import { makeOutcome } from '../test/unit/helpers';

const OUTCOMES = Array.from({ length: 11 }, (_, i) => makeOutcome(i + 1));

/** A key press as a person makes it (isTrusted), or as a page script would (`trusted: false`). */
function press(code: string, init: KeyboardEventInit = {}, trusted = true) {
  const event = new KeyboardEvent('keydown', { code, key: code.replace(/^\D+/, ''), altKey: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  return event;
}

describe('outcomeForShortcut', () => {
  it('Alt+1…9 pick the first nine outcomes in list order, on the digit row and the number pad', () => {
    for (let n = 1; n <= 9; n++) {
      expect(outcomeForShortcut(press(`Digit${n}`), OUTCOMES)).toBe(OUTCOMES[n - 1]);
      expect(outcomeForShortcut(press(`Numpad${n}`), OUTCOMES)).toBe(OUTCOMES[n - 1]);
    }
  });

  it('goes by the physical key, not by `key` (macOS Option+1 types ¡)', () => {
    expect(outcomeForShortcut(press('Digit1', { key: '¡' }), OUTCOMES)).toBe(OUTCOMES[0]);
    expect(outcomeForShortcut(press('KeyA', { key: '1' }), OUTCOMES)).toBeUndefined();
  });

  it('is nothing without Alt, with Ctrl, Cmd or Shift, for 0, or past the end of a short list', () => {
    expect(outcomeForShortcut(press('Digit1', { altKey: false }), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Digit1', { ctrlKey: true }), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Digit1', { metaKey: true }), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Digit1', { shiftKey: true }), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Digit0'), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Numpad0'), OUTCOMES)).toBeUndefined();
    expect(outcomeForShortcut(press('Digit3'), OUTCOMES.slice(0, 2))).toBeUndefined();
    expect(outcomeForShortcut(press('Digit1'), [])).toBeUndefined();
  });

  it('ignores a key press a page script made (untrusted)', () => {
    expect(outcomeForShortcut(press('Digit1', {}, false), OUTCOMES)).toBeUndefined();
  });
});

describe('shortcutNumberOf', () => {
  it('numbers the first nine positions 1…9 and no others', () => {
    expect([0, 1, 8, 9, 10, -1].map(shortcutNumberOf)).toEqual([1, 2, 9, undefined, undefined, undefined]);
  });
});
