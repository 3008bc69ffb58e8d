import { describe, expect, it } from 'vitest';
import { EDGE_GAP, clampToViewport, placePanel, positionStyle, type Placement, type Rect } from './position';

const viewport = { width: 1000, height: 800 };
const panel = { width: 380, height: 500 };

describe('panel position', () => {
  it('docks in each corner by its two edges', () => {
    expect(positionStyle({ kind: 'dock', corner: 'bottom-right' }, panel, viewport)).toEqual({
      left: 'auto',
      top: 'auto',
      right: `${EDGE_GAP}px`,
      bottom: `${EDGE_GAP}px`,
    });
    expect(positionStyle({ kind: 'dock', corner: 'top-left' }, panel, viewport)).toMatchObject({
      left: `${EDGE_GAP}px`,
      top: `${EDGE_GAP}px`,
      right: 'auto',
      bottom: 'auto',
    });
  });

  it('keeps a dragged panel inside the window, also after the window shrank', () => {
    expect(clampToViewport(100, 50, panel, viewport)).toEqual({ left: 100, top: 50 });
    expect(clampToViewport(900, 700, panel, viewport)).toEqual({ left: 620, top: 300 });
    expect(clampToViewport(-40, -10, panel, viewport)).toEqual({ left: 0, top: 0 });
    expect(positionStyle({ kind: 'free', left: 900, top: 20 }, panel, { width: 600, height: 800 })).toMatchObject({
      left: '220px',
      top: '20px',
    });
  });

  it('puts a panel larger than the window at the top left', () => {
    expect(clampToViewport(50, 50, { width: 500, height: 900 }, { width: 400, height: 600 })).toEqual({ left: 0, top: 0 });
  });
});

// The stand-in's lead page (test/close-stand-in/app-pages.mjs): a 220 px sidebar, the feed 32 px
// further in, at most 860 px wide; three calls of about 110 px from y = 140.
const feed = (width: number) => ({ left: 252, right: Math.min(width, 1144) - 32 });
const callItem = (width: number, n: 1 | 2 | 3): Rect => ({ ...feed(width), top: 140 + (n - 1) * 120, bottom: 250 + (n - 1) * 120 });
/** A feed item's Quick edit button: in its header, beside the time, near the item's right end. */
const feedButton = (item: Rect): Rect => ({ left: item.right - 150, right: item.right - 60, top: item.top + 12, bottom: item.top + 34 });

const rectOf = (place: Placement, box: { width: number; height: number }): Rect => ({
  left: place.left,
  top: place.top,
  right: place.left + box.width,
  bottom: place.top + Math.min(box.height, place.maxHeight),
});
const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Rect, v: { width: number; height: number }) => a.left >= 0 && a.top >= 0 && a.right <= v.width && a.bottom <= v.height;
const dock = { kind: 'dock', corner: 'bottom-right' } as const;

describe('the panel keeps the edited call in view (issue 15)', () => {
  const sizes = [
    { width: 1024, height: 700 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ];
  // A panel as it opens, and grown by an error alert (about 620 px).
  const panels = [
    { width: 380, height: 480 },
    { width: 380, height: 620 },
  ];

  for (const v of sizes)
    for (const p of panels)
      for (const n of [1, 2, 3] as const) {
        it(`at ${v.width}×${v.height}, a ${p.height} px panel never covers call ${n}, from the launcher or its feed button`, () => {
          const item = callItem(v.width, n);
          for (const opener of [undefined, feedButton(item)]) {
            const place = placePanel({ viewport: v, panel: p, position: dock, item, opener });
            const box = rectOf(place, p);
            expect(intersects(box, item)).toBe(false);
            expect(inside(box, v)).toBe(true);
            // Bounded, and never so short that only its title shows.
            expect(place.maxHeight).toBeLessThanOrEqual(v.height - 2 * EDGE_GAP);
            expect(Math.min(p.height, place.maxHeight)).toBeGreaterThanOrEqual(160);
          }
        });
      }

  it('at 1920×1080 opens beside the feed button that was clicked, not in the far corner', () => {
    const v = { width: 1920, height: 1080 };
    const item = callItem(v.width, 2);
    const button = feedButton(item);
    const place = placePanel({ viewport: v, panel: panels[0]!, position: dock, item, opener: button });
    // Right of the item (the button is near its right end), its top at the button's.
    expect(place.left).toBe(item.right + 8);
    expect(place.left - button.right).toBeLessThan(100);
    expect(place.top).toBe(button.top);
    expect(place.maxHeight).toBe(1080 - 40);
  });

  it('at 1280×800 moves a docked panel below the first call rather than over it', () => {
    const v = { width: 1280, height: 800 };
    const item = callItem(v.width, 1);
    const place = placePanel({ viewport: v, panel: { width: 380, height: 620 }, position: dock, item });
    expect(place).toEqual({ left: 1280 - 20 - 380, top: 258, maxHeight: 800 - 20 - 258 });
  });

  it('stays in its corner when that covers nothing of the item', () => {
    const v = { width: 1920, height: 1080 };
    const place = placePanel({ viewport: v, panel: panels[0]!, position: dock, item: callItem(v.width, 1) });
    expect(place).toEqual({ left: 1920 - 20 - 380, top: 1080 - 20 - 480, maxHeight: 1040 });
  });

  it('collapsed to its title bar, it fits where the rep wants it', () => {
    const v = { width: 1024, height: 700 };
    const place = placePanel({ viewport: v, panel: { width: 380, height: 44 }, position: dock, item: callItem(v.width, 3) });
    expect(place.top).toBe(700 - 20 - 44);
  });

  it('keeps a dragged panel where the rep put it, unless it covers the item', () => {
    const v = { width: 1280, height: 800 };
    const free = { kind: 'free', left: 40, top: 400 } as const;
    expect(placePanel({ viewport: v, panel: panels[0]!, position: free, item: callItem(v.width, 1) })).toMatchObject({ left: 40, top: 320 });
    const over = placePanel({ viewport: v, panel: panels[0]!, position: { kind: 'free', left: 400, top: 100 }, item: callItem(v.width, 1) });
    expect(over).toMatchObject({ left: 400, top: 258 });
  });

  it('ignores an item scrolled out of the window', () => {
    const v = { width: 1024, height: 700 };
    const gone = { left: 252, right: 992, top: -400, bottom: -290 };
    expect(placePanel({ viewport: v, panel: panels[0]!, position: dock, item: gone })).toEqual({ left: 624, top: 200, maxHeight: 660 });
  });

  it('with an item taller than the window, takes the rep’s place, bounded', () => {
    const v = { width: 1024, height: 700 };
    const huge = { left: 252, right: 992, top: 30, bottom: 690 };
    const place = placePanel({ viewport: v, panel: panels[1]!, position: dock, item: huge });
    expect(place).toEqual({ left: 624, top: 700 - 20 - 620, maxHeight: 660 });
  });
});
