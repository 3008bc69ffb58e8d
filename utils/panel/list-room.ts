// Which way the Outcome list opens (issue 15): docked at the bottom of the window, a list opening
// downward inside the panel showed 2½ of 8 outcomes and made the panel scroll its header away.
// It opens upward when there is more room above, and is held to the room it has, so the panel
// itself never scrolls for it. Pure; components/use-list-room.ts measures.

export interface Span {
  top: number;
  bottom: number;
}

export interface ListRoom {
  up: boolean;
  /** The list's height is held to this (px); it scrolls inside. */
  maxHeight: number;
}

/** Between the field and the list, and between the list and the panel's edge. */
export const LIST_GAP = 4;

/**
 * `field`: the text box; `area`: what of the panel shows below its title bar; `wanted`: the list's
 * full height, or its usual cap when it is longer. Down while the list fits below, else the side
 * with more room.
 */
export function listRoom(field: Span, area: Span, wanted: number): ListRoom {
  const below = Math.max(0, area.bottom - field.bottom - 2 * LIST_GAP);
  const above = Math.max(0, field.top - area.top - 2 * LIST_GAP);
  const up = below < wanted && above > below;
  return { up, maxHeight: Math.floor(Math.min(wanted, up ? above : below)) };
}
