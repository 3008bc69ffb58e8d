import { describe, expect, it } from 'vitest';
import { EDGE_GAP, clampToViewport, positionStyle } from './position';

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
