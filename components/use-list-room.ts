import { useLayoutEffect, type MutableRef } from 'preact/hooks';
import { listRoom } from '@/utils/panel/list-room';

// The Outcome list's side and height, measured as it opens (utils/panel/list-room.ts), and
// arrowing through it scrolls the list alone: scrollIntoView would scroll the panel too, and
// take its title bar out of view (issue 15).

/** What of the panel shows under its title bar (and inside the window). */
function panelArea(field: HTMLElement) {
  const panel = field.closest<HTMLElement>('[role="dialog"]');
  const rect = panel?.getBoundingClientRect();
  if (!panel || !rect) return { top: 0, bottom: window.innerHeight };
  const header = panel.querySelector(':scope > header')?.getBoundingClientRect();
  const top = Math.max(rect.top + panel.clientTop, header?.bottom ?? 0, 0);
  return { top, bottom: Math.min(rect.top + panel.clientTop + panel.clientHeight, window.innerHeight) };
}

export function useListRoom(field: MutableRef<HTMLElement | null>, popup: MutableRef<HTMLElement | null>, expanded: boolean, options: number) {
  useLayoutEffect(() => {
    const box = popup.current;
    const input = field.current;
    if (!expanded || !box || !input) return;
    // Its usual cap (16em) when the list is longer, else its whole height.
    box.style.maxHeight = '';
    const cap = parseFloat(getComputedStyle(box).maxHeight) || Infinity;
    const wanted = Math.min(cap, box.scrollHeight + box.offsetHeight - box.clientHeight);
    const room = listRoom(input.getBoundingClientRect(), panelArea(input), wanted);
    box.toggleAttribute('data-up', room.up);
    box.style.maxHeight = `${room.maxHeight}px`;
  }, [expanded, options]);
}

/** Scrolls the list (only) so that `option` is whole in view. */
export function revealOption(list: HTMLElement, option: HTMLElement) {
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}
