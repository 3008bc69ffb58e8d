import type { Locator } from 'playwright-core';

// The Note box is a rich-text editor (issue 12), not a <textarea>: its text is read from what it
// shows, one line per paragraph, heading or list item, as the rep sees it.

/** The box's text as the rep sees it: one line per block (a list: one per item). */
export const boxText = (box: Locator) =>
  box.evaluate((el) => {
    const lines: string[] = [];
    const read = (block: Element) => {
      if (block.matches('ul, ol')) for (const item of block.children) for (const inner of item.children) read(inner);
      else lines.push(block.textContent ?? '');
    };
    for (const block of el.children) read(block);
    return lines.join('\n');
  });

/** The caret at the very end of the box. */
export async function toEnd(box: Locator) {
  await box.focus();
  await box.press('Control+End');
}

/** The texts the box shows in bold, in order. */
export const boldTexts = (box: Locator) =>
  box.evaluate((el) => [...el.querySelectorAll('strong')].map((b) => b.textContent ?? ''));
