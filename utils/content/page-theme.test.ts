import { afterEach, expect, it, vi } from 'vitest';
import { luminance, pageTheme, themeFor } from './page-theme';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  vi.restoreAllMocks();
});

it('reads rgb and rgba, and treats transparent as saying nothing', () => {
  expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
  expect(luminance('rgb(0, 0, 0)')).toBe(0);
  expect(luminance('rgba(0, 0, 0, 0)')).toBeUndefined();
  expect(luminance('transparent')).toBeUndefined();
  expect(luminance('rgb(20 24 33 / 100%)')).toBeLessThan(0.05);
});

it('Close dark: a dark body is dark; Close light or classic: a light one is light', () => {
  document.body.style.backgroundColor = 'rgb(24, 27, 36)';
  expect(pageTheme(document)).toBe('dark');
  document.body.style.backgroundColor = 'rgb(245, 247, 250)';
  expect(pageTheme(document)).toBe('light');
});

it('the page wins over the system; a page without a background leaves it to the system', () => {
  const media = (dark: boolean) => vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: dark } as MediaQueryList);
  media(true);
  document.body.style.backgroundColor = 'rgb(255, 255, 255)';
  expect(themeFor(document)).toBe('light');
  document.body.removeAttribute('style');
  expect(pageTheme(document)).toBeUndefined();
  expect(themeFor(document)).toBe('dark');
  vi.restoreAllMocks();
  media(false);
  expect(themeFor(document)).toBe('light');
});
