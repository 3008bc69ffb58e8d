// Reading a field the way the rep sees it, the same in both browsers. Runs inside the page
// (serialised into it by the driver), so it names nothing from outside its own body.

/**
 * A form control's value; a rich box's (the Note editor, issue 12) text, one line per
 * paragraph, heading or list item; any other element's innerText.
 */
export function shownText(el: Element): string {
  if ('value' in el) return String((el as HTMLInputElement).value);
  if (!(el as HTMLElement).isContentEditable) return (el as HTMLElement).innerText;
  // innerText would put a blank line between paragraphs (their margins): read the blocks.
  const lines: string[] = [];
  const read = (block: Element) => {
    if (block.matches('ul, ol')) for (const item of block.children) for (const inner of item.children) read(inner);
    else lines.push(block.textContent ?? '');
  };
  for (const block of el.children) read(block);
  return lines.join('\n');
}

/** Whether typing into it needs keys (a rich box) rather than a control's own selection. */
export const isRichBox = (el: Element) => !('value' in el) && (el as HTMLElement).isContentEditable;
