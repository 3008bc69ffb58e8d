import { describe, expect, it } from 'vitest';
import { listRoom } from './list-room';

describe('which way the Outcome list opens', () => {
  const wanted = 224;

  it('opens downward while the list fits below the field', () => {
    expect(listRoom({ top: 100, bottom: 130 }, { top: 40, bottom: 600 }, wanted)).toEqual({ up: false, maxHeight: 224 });
  });

  it('opens upward in a panel docked low, where there is more room above', () => {
    // 1280×800, panel at the bottom: the field 90 px above the panel's bottom edge.
    expect(listRoom({ top: 600, bottom: 632 }, { top: 300, bottom: 722 }, wanted)).toEqual({ up: true, maxHeight: 224 });
    // 1024×700: less room above than the list wants; held to it, never past the title bar.
    expect(listRoom({ top: 420, bottom: 452 }, { top: 250, bottom: 540 }, wanted)).toEqual({ up: true, maxHeight: 162 });
  });

  it('stays downward, shortened, when there is less room above than below', () => {
    expect(listRoom({ top: 120, bottom: 150 }, { top: 100, bottom: 300 }, wanted)).toEqual({ up: false, maxHeight: 142 });
  });

  it('never gets a negative height', () => {
    expect(listRoom({ top: 50, bottom: 80 }, { top: 60, bottom: 70 }, wanted)).toEqual({ up: false, maxHeight: 0 });
  });
});
