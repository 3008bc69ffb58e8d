import type { PanelPosition } from '../settings';

// Where the panel sits. Docked in a corner by default (bottom-right); once the rep drags it,
// where they left it, kept inside the window whatever its size is now.

export const EDGE_GAP = 20;

export interface Box {
  width: number;
  height: number;
}

/** A dragged position moved back inside a window of `viewport`, whole panel visible where it fits. */
export function clampToViewport(left: number, top: number, panel: Box, viewport: Box): { left: number; top: number } {
  const maxLeft = Math.max(0, viewport.width - panel.width);
  const maxTop = Math.max(0, viewport.height - panel.height);
  return { left: Math.round(Math.min(Math.max(0, left), maxLeft)), top: Math.round(Math.min(Math.max(0, top), maxTop)) };
}

/** Inline style for a position: a corner by its two edges, a dragged place by left/top. */
export function positionStyle(position: PanelPosition, panel: Box | undefined, viewport: Box): Record<string, string> {
  if (position.kind === 'free') {
    const { left, top } = panel ? clampToViewport(position.left, position.top, panel, viewport) : position;
    return { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' };
  }
  const [vertical, horizontal] = position.corner.split('-') as [string, string];
  const style: Record<string, string> = { left: 'auto', top: 'auto', right: 'auto', bottom: 'auto' };
  style[vertical] = `${EDGE_GAP}px`;
  style[horizontal] = `${EDGE_GAP}px`;
  return style;
}
