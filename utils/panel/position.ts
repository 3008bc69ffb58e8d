import type { PanelPosition } from '../settings';

// Where the panel sits. Docked in a corner by default (bottom-right); opened from a feed item's
// button, beside that button; once the rep drags it, where they left it. Whichever of those it
// is, the panel never covers the feed item of the call it edits (issue 15): it moves beside,
// below or above that item, within the window, and its height is bounded by the room there
// (its content scrolls inside it). A pure function of what is on screen, so it is tested at the
// window sizes reps have (position.test.ts) and the hook (components/usePanelPosition.ts) only
// measures.

export const EDGE_GAP = 20;
/** Between the panel and the item it keeps clear of, or the button it opened from. */
export const ITEM_GAP = 8;
/** Below this the panel is too short to be of use beside the item: another side is taken. */
export const MIN_USEFUL_HEIGHT = 160;

export interface Box {
  width: number;
  height: number;
}

/** A rectangle in window coordinates (a DOMRect is one). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlaceInput {
  viewport: Box;
  /** The panel's width and the height its content wants (not what it is held to now). */
  panel: Box;
  /** The rep's choice: a corner, or where they dragged it. */
  position: PanelPosition;
  /** The feed item of the call being edited, where the page has one. */
  item?: Rect | undefined;
  /** The button the panel was opened from when it was a feed item's (the launcher's place is the corner). */
  opener?: Rect | undefined;
}

export interface Placement {
  left: number;
  top: number;
  /** The panel's height is held to this; what does not fit scrolls inside it. */
  maxHeight: number;
}

/** A dragged position moved back inside a window of `viewport`, whole panel visible where it fits. */
export function clampToViewport(left: number, top: number, panel: Box, viewport: Box): { left: number; top: number } {
  const maxLeft = Math.max(0, viewport.width - panel.width);
  const maxTop = Math.max(0, viewport.height - panel.height);
  return { left: Math.round(Math.min(Math.max(0, left), maxLeft)), top: Math.round(Math.min(Math.max(0, top), maxTop)) };
}

/** Inline style for a position before the panel was measured: a corner by its two edges, a dragged place by left/top. */
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

/** Inline style for a placement. */
export const placementStyle = (place: Placement): Record<string, string> => ({
  left: `${place.left}px`,
  top: `${place.top}px`,
  right: 'auto',
  bottom: 'auto',
  maxHeight: `${place.maxHeight}px`,
});

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const rectOf = (place: Placement, width: number, height: number): Rect => ({
  left: place.left,
  top: place.top,
  right: place.left + width,
  bottom: place.top + Math.min(height, place.maxHeight),
});

const rounded = (place: Placement): Placement => ({
  left: Math.round(place.left),
  top: Math.round(place.top),
  maxHeight: Math.max(0, Math.floor(place.maxHeight)),
});

/** Where the rep's choice puts the panel, the item not yet considered. */
function preferred({ viewport: v, panel: p, position, opener }: PlaceInput, height: number, maxHeight: number): Placement {
  const maxLeft = v.width - EDGE_GAP - p.width;
  const maxTop = v.height - EDGE_GAP - height;
  if (position.kind === 'free') {
    const { left, top } = clampToViewport(position.left, position.top, { width: p.width, height }, v);
    return { left, top, maxHeight: Math.min(maxHeight, v.height - top) };
  }
  if (opener) {
    // Beside the button that was clicked, its top at the button's: right of it, else left of it.
    const right = opener.right + ITEM_GAP;
    const left = right <= maxLeft ? right : opener.left - ITEM_GAP - p.width;
    return { left: clamp(left, EDGE_GAP, maxLeft), top: clamp(opener.top, EDGE_GAP, maxTop), maxHeight };
  }
  const [vertical, horizontal] = position.corner.split('-');
  return {
    left: horizontal === 'left' ? EDGE_GAP : Math.max(0, maxLeft),
    top: vertical === 'top' ? EDGE_GAP : Math.max(0, maxTop),
    maxHeight,
  };
}

/** The places beside the item, each with the height it leaves the panel. */
function besideItem(input: PlaceInput, item: Rect, from: Placement, height: number, maxHeight: number): Placement[] {
  const { viewport: v, panel: p } = input;
  const maxTop = v.height - EDGE_GAP - height;
  const top = clamp(from.top, EDGE_GAP, maxTop);
  const places: Placement[] = [];
  const right = item.right + ITEM_GAP;
  if (right + p.width <= v.width - EDGE_GAP / 2) places.push({ left: right, top, maxHeight });
  const left = item.left - ITEM_GAP - p.width;
  if (left >= EDGE_GAP / 2) places.push({ left, top, maxHeight });
  const below = Math.max(item.bottom + ITEM_GAP, EDGE_GAP);
  const roomBelow = v.height - EDGE_GAP - below;
  if (roomBelow > 0) places.push({ left: from.left, top: below, maxHeight: Math.min(maxHeight, roomBelow) });
  const aboveEnd = Math.min(item.top - ITEM_GAP, v.height - EDGE_GAP);
  const roomAbove = aboveEnd - EDGE_GAP;
  if (roomAbove > 0) {
    const h = Math.min(height, maxHeight, roomAbove);
    places.push({ left: from.left, top: aboveEnd - h, maxHeight: Math.min(maxHeight, roomAbove) });
  }
  return places;
}

const distance = (a: Placement, b: Placement) => Math.abs(a.left - b.left) + Math.abs(a.top - b.top);

/**
 * Where the panel goes: the rep's choice (corner, beside the clicked button, or where they
 * dragged it), unless that covers the edited item; then the nearest place beside, below or above
 * the item where the whole panel fits, else the one leaving it the most height.
 */
export function placePanel(input: PlaceInput): Placement {
  const { viewport: v, panel: p, item } = input;
  const maxHeight = Math.max(0, v.height - 2 * EDGE_GAP);
  const height = Math.min(p.height, maxHeight);
  const first = preferred(input, height, maxHeight);
  const onScreen = item && item.right > 0 && item.bottom > 0 && item.left < v.width && item.top < v.height;
  if (!onScreen) return rounded(first);
  const clear = { left: item.left - ITEM_GAP, top: item.top - ITEM_GAP, right: item.right + ITEM_GAP, bottom: item.bottom + ITEM_GAP };
  if (!overlaps(rectOf(first, p.width, height), clear)) return rounded(first);
  const places = besideItem(input, item, first, height, maxHeight);
  const whole = places.filter((place) => place.maxHeight >= height).sort((a, b) => distance(a, first) - distance(b, first));
  if (whole[0]) return rounded(whole[0]);
  const tallest = [...places].sort((a, b) => b.maxHeight - a.maxHeight || distance(a, first) - distance(b, first))[0];
  // An item taller than the window leaves no side of use: the rep's choice, bounded as ever.
  return rounded(tallest && tallest.maxHeight >= Math.min(height, MIN_USEFUL_HEIGHT) ? tallest : first);
}
